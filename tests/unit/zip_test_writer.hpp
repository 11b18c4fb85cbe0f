#pragma once
// Builds zip files byte by byte for the XLSX reader tests, including the shapes real writers
// and hostile senders produce: data descriptors (sizes after the data), stored entries,
// forged sizes, encryption flags, unknown compression methods.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vnplan::test {

struct ZipTestEntry {
  std::string name;
  std::string data;
  bool deflate = true;
  bool dataDescriptor = false;     // flag bit 3: zero sizes in the local header, a descriptor after the data
  int64_t forgedUncompressed = -1;  // the size written in the headers, when not the real one
  uint16_t extraFlags = 0;         // e.g. 1 = encrypted
  int forcedMethod = -1;           // e.g. 12 = bzip2
  bool badCrc = false;
};

inline void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

inline std::string rawDeflate(const std::string& in, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, in.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string buildZip(const std::vector<ZipTestEntry>& entries) {
  std::string zip, central;
  for (const auto& e : entries) {
    const std::string payload = e.deflate ? rawDeflate(e.data) : e.data;
    uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size())));
    if (e.badCrc) crc ^= 0x5A5A5A5A;
    const uint32_t usize = e.forgedUncompressed >= 0 ? static_cast<uint32_t>(e.forgedUncompressed) : static_cast<uint32_t>(e.data.size());
    const uint16_t flags = static_cast<uint16_t>((e.dataDescriptor ? 8 : 0) | e.extraFlags | 0x800);
    const uint16_t method = static_cast<uint16_t>(e.forcedMethod >= 0 ? e.forcedMethod : e.deflate ? 8 : 0);
    const uint32_t offset = static_cast<uint32_t>(zip.size());
    put32(zip, 0x04034b50);
    put16(zip, 20);
    put16(zip, flags);
    put16(zip, method);
    put16(zip, 0);
    put16(zip, 0x21);
    put32(zip, e.dataDescriptor ? 0 : crc);
    put32(zip, e.dataDescriptor ? 0 : static_cast<uint32_t>(payload.size()));
    put32(zip, e.dataDescriptor ? 0 : usize);
    put16(zip, static_cast<uint32_t>(e.name.size()));
    put16(zip, 0);
    zip += e.name;
    zip += payload;
    if (e.dataDescriptor) {
      put32(zip, 0x08074b50);
      put32(zip, crc);
      put32(zip, static_cast<uint32_t>(payload.size()));
      put32(zip, usize);
    }
    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, flags);
    put16(central, method);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, static_cast<uint32_t>(payload.size()));
    put32(central, usize);
    put16(central, static_cast<uint32_t>(e.name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += e.name;
  }
  const uint32_t cdOffset = static_cast<uint32_t>(zip.size());
  zip += central;
  put32(zip, 0x06054b50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, static_cast<uint32_t>(entries.size()));
  put16(zip, static_cast<uint32_t>(entries.size()));
  put32(zip, static_cast<uint32_t>(central.size()));
  put32(zip, cdOffset);
  put16(zip, 0);
  return zip;
}

// A minimal workbook: the given sheets (name, state, sheetData inner XML, extra XML after
// sheetData), shared strings and styles. Parts not given are left out.
struct TestSheet {
  std::string name;
  std::string sheetData;     // the <row> elements
  std::string state;         // "", "hidden", "veryHidden"
  std::string afterData;     // e.g. <sheetProtection sheet="1"/>
  std::string rawXml;        // when set, the whole sheet part as written
};

struct TestWorkbook {
  std::vector<TestSheet> sheets;
  std::string sharedStrings;  // the <si> elements; empty = no part
  std::string styles;         // the whole styles.xml; empty = no part
  std::string workbookPr;     // e.g. <workbookPr date1904="1"/>
  std::string definedNames;   // the <definedName> elements
  bool dataDescriptors = false;
  bool deflate = true;
};

inline std::vector<ZipTestEntry> workbookEntries(const TestWorkbook& wb) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  std::vector<ZipTestEntry> out;
  auto add = [&](std::string name, std::string data) {
    ZipTestEntry e;
    e.name = std::move(name);
    e.data = std::move(data);
    e.dataDescriptor = wb.dataDescriptors;
    e.deflate = wb.deflate;
    out.push_back(std::move(e));
  };
  std::string types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  add("[Content_Types].xml", types);
  add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkg +
                         "\"><Relationship Id=\"rId1\" Type=\"" + rns + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  std::string wbXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "\" xmlns:r=\"" + rns + "\">" +
                      wb.workbookPr + "<sheets>";
  std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkg + "\">";
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    const auto& s = wb.sheets[i];
    const std::string id = "rId" + std::to_string(i + 10);
    wbXml += "<sheet name=\"" + s.name + "\" sheetId=\"" + std::to_string(i + 1) + "\"" +
             (s.state.empty() ? "" : " state=\"" + s.state + "\"") + " r:id=\"" + id + "\"/>";
    // Absolute and relative targets both occur; never "sheet1.xml" by assumption.
    const std::string part = "worksheets/ws" + std::to_string(i + 1) + ".xml";
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + rns + "/worksheet\" Target=\"" +
            (i % 2 ? "/xl/" + part : part) + "\"/>";
    add("xl/" + part, !s.rawXml.empty() ? s.rawXml
                                        : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns +
                                              "\"><sheetData>" + s.sheetData + "</sheetData>" + s.afterData + "</worksheet>");
  }
  wbXml += "</sheets>";
  if (!wb.definedNames.empty()) wbXml += "<definedNames>" + wb.definedNames + "</definedNames>";
  wbXml += "</workbook>";
  if (!wb.sharedStrings.empty()) {
    rels += "<Relationship Id=\"rId1\" Type=\"" + rns + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns + "\">" + wb.sharedStrings + "</sst>");
  }
  if (!wb.styles.empty()) {
    rels += "<Relationship Id=\"rId2\" Type=\"" + rns + "/styles\" Target=\"styles.xml\"/>";
    add("xl/styles.xml", wb.styles);
  }
  rels += "</Relationships>";
  add("xl/workbook.xml", wbXml);
  add("xl/_rels/workbook.xml.rels", rels);
  return out;
}

inline std::string buildWorkbook(const TestWorkbook& wb) { return buildZip(workbookEntries(wb)); }

}  // namespace vnplan::test
