"""Writes the XLSX reader's corpus: bad/ holds files each refused with one specific located
message (bad/<name>.expected), good/ holds files from unusual writers that must read.
Run once with /usr/bin/python3 from this folder; the outputs are committed, so the tests
need neither Python nor LibreOffice. Real writers where possible: Python's zipfile (data
descriptors when streaming, bzip2), LibreOffice (.xls, .ods)."""
import io
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def parts(sheet_data='<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>',
          shared='<si><t>Tiến độ</t></si>', sheet_name="Báo cáo", sheet_xml=None, sheets=None):
    sheets = sheets or [sheet_name]
    p = {}
    p["[Content_Types].xml"] = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                                'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    p["_rels/.rels"] = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                        f'Type="{RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{RNS}"><sheets>'
    rels = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
    for i, name in enumerate(sheets, 1):
        wb += f'<sheet name="{name}" sheetId="{i}" r:id="rId{i + 10}"/>'
        rels += f'<Relationship Id="rId{i + 10}" Type="{RNS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        p[f"xl/worksheets/sheet{i}.xml"] = sheet_xml or (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>{sheet_data}</sheetData></worksheet>')
    wb += "</sheets></workbook>"
    rels += f'<Relationship Id="rId1" Type="{RNS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    p["xl/workbook.xml"] = wb
    p["xl/_rels/workbook.xml.rels"] = rels
    p["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">{shared}</sst>'
    return p


def to_zip(p, compression=zipfile.ZIP_DEFLATED, stream=False):
    buf = io.BytesIO()
    target = buf
    if stream:
        # A non-seekable output: zipfile then writes each entry's sizes in a data descriptor.
        class Pipe(io.RawIOBase):
            def writable(self):
                return True

            def write(self, b):
                buf.write(b)
                return len(b)
        target = Pipe()
    with zipfile.ZipFile(target, "w", compression) as z:
        for name, data in p.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 3, 15, 0, 0, 0)),
                       data.encode("utf-8") if isinstance(data, str) else data, compress_type=compression)
    return buf.getvalue()


def write(folder, name, data):
    with open(os.path.join(HERE, folder, name), "wb") as f:
        f.write(data)


def cfb(stream_names):
    """A minimal OLE compound file: header, one FAT sector, one directory sector."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)        # FAT sectors
    struct.pack_into("<I", header, 48, 1)        # first directory sector
    struct.pack_into("<I", header, 56, 4096)     # mini stream cutoff
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    struct.pack_into("<I", header, 76, 0)        # DIFAT[0] = sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xFF" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry"] + stream_names[:3]):
        e = 128 * i
        enc = name.encode("utf-16-le") + b"\0\0"
        directory[e:e + len(enc)] = enc
        struct.pack_into("<H", directory, e + 64, len(enc))
        directory[e + 66] = 5 if i == 0 else 2
        struct.pack_into("<III", directory, e + 68, 0xFFFFFFFF, 0xFFFFFFFF, 1 if i == 0 else 0xFFFFFFFF)
    return bytes(header + fat + directory)


def main():
    good = to_zip(parts())
    write("bad", "not_zip.xlsx", "Mã đơn vị;Tên\n01;Hà Nội\n".encode("utf-8"))
    write("bad", "html_saved_as_xlsx.xlsx", b"<html><body><table><tr><td>1</td></tr></table></body></html>")
    write("bad", "truncated.xlsx", good[: len(good) // 2])
    write("bad", "empty.xlsx", b"")
    write("bad", "encrypted.xlsx", cfb(["EncryptionInfo", "EncryptedPackage"]))
    stored = bytearray(to_zip(parts(), zipfile.ZIP_STORED))
    at = stored.index("Tiến độ".encode("utf-8"))
    stored[at] ^= 0x20  # "tiến độ": still valid XML, but no longer the bytes the CRC was made of
    write("bad", "bad_crc.xlsx", bytes(stored))
    write("bad", "bzip2.xlsx", to_zip(parts(), zipfile.ZIP_BZIP2))
    write("bad", "doctype_billion_laughs.xlsx", to_zip(parts(sheet_xml=(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>'
        '</sheetData></worksheet>'))))
    p = parts()
    p["xl/sharedStrings.xml"] = ('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                 f'<sst xmlns="{NS}"><si><t>&xxe;</t></si></sst>')
    write("bad", "external_entity.xlsx", to_zip(p))
    write("bad", "zip_bomb.xlsx", to_zip(parts(sheet_xml=f'<worksheet xmlns="{NS}"><sheetData>' + " " * (8 << 20) +
                                                "</sheetData></worksheet>")))
    write("bad", "long_text.xlsx", to_zip(parts(
        sheet_data='<row r="12"><c r="E12"><v>1</v></c><c r="F12" t="s"><v>0</v></c></row>',
        shared="<si><t>" + "ư" * 32768 + "</t></si>")))
    p = parts(sheet_data='<row r="4"><c r="C4" t="s"><v>0</v></c></row>')
    p["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"><si><t>'.encode() +
                                 "Phòng ".encode("utf-8") + b"\xC0\xAF Ni\xE1\xBB" + b"</t></si></sst>")
    write("bad", "invalid_utf8.xlsx", to_zip(p))
    write("bad", "bad_number.xlsx", to_zip(parts(sheet_data='<row r="7"><c r="D7"><v>1.234,5</v></c></row>')))
    write("bad", "duplicate_sheets.xlsx", to_zip(parts(sheets=["Báo cáo", "BÁO CÁO"])))
    p = parts()
    del p["xl/worksheets/sheet1.xml"]
    write("bad", "missing_sheet_part.xlsx", to_zip(p))
    write("bad", "malformed_xml.xlsx", to_zip(parts(sheet_xml=f'<worksheet xmlns="{NS}">\n<sheetData>\n<row r="1">\n</sheetData>')))
    write("bad", "docx_renamed.xlsx", to_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"}))

    # Good files from unusual writers.
    write("good", "data_descriptors.xlsx", to_zip(parts(), stream=True))
    write("good", "stored.xlsx", to_zip(parts(), zipfile.ZIP_STORED))

    # LibreOffice's .xls and .ods of a small workbook, when LibreOffice is there.
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            import openpyxl
            src = os.path.join(tmp, "legacy.xlsx")
            wb = openpyxl.Workbook()
            wb.active["A1"] = "Tiến độ"
            wb.save(src)
            for fmt, name in (("xls", "legacy.xls"), ("ods", "opendocument.ods")):
                subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                                "--outdir", tmp, src], check=True, capture_output=True)
                shutil.copy(os.path.join(tmp, "legacy." + fmt), os.path.join(HERE, "bad", name))


main()
