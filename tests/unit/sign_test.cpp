// Signing and verifying in-process (issue #11): an identity made with the OpenSSL API, a
// seed plan signed and checked, tampering detected, both kinds of cross-reference section.
#include <gtest/gtest.h>

#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <png.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <vector>

#include "batch/document_builder.hpp"
#include "layout/page.hpp"
#include "load/plan_loader.hpp"
#include "render/pdf/font_files.hpp"
#include "sign/pdf_signer.hpp"
#include "sign/pdf_verifier.hpp"
#include "sign/sign_error.hpp"
#include "sign/signing_identity.hpp"

using namespace vnplan;

namespace {

const std::int64_t kNow = static_cast<std::int64_t>(std::time(nullptr));

// A self-signed certificate valid around now, in a PKCS#12 file protected by `password`.
std::string makeP12(const std::string& cn, const std::string& password) {
  EVP_PKEY* key = EVP_RSA_gen(2048);
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600 * 24);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("UBND xã Thử"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, key);
  X509_sign(cert, key, EVP_sha256());
  PKCS12* p12 = PKCS12_create(password.c_str(), "test", key, cert, nullptr, 0, 0, 0, 0, 0);
  unsigned char* der = nullptr;
  int n = i2d_PKCS12(p12, &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  PKCS12_free(p12);
  X509_free(cert);
  EVP_PKEY_free(key);
  return out;
}

const std::string& signerP12() {
  static const std::string p12 = makeP12("Nguyễn Thử", "mật khẩu");
  return p12;
}

std::string renderSeed(const std::string& id) {
  Diagnostics d;
  auto plan = loadPlan(std::string(VNPLAN_INPUTS) + "/" + id, d);
  EXPECT_TRUE(plan);
  auto tmpl = loadFamilyTemplate(plan->document.family, d);
  EXPECT_TRUE(tmpl);
  return renderPlanPdf(*plan, *tmpl, findFonts(defaultFontDirs()), 0);
}

std::string sign(const std::string& pdf, const SigningIdentity& id) {
  SignRequest req;
  req.identity = &id;
  req.reason = "Thử";
  req.signingTime = kNow;
  req.stampFontPath = findFonts(defaultFontDirs()).paths[0];
  return signPdf(pdf, req);
}

}  // namespace

TEST(Sign, SignedSeedVerifiesAndKeepsTheOriginalAsPrefix) {
  const std::string pdf = renderSeed("dang-uy-dinh-hoa");
  ASSERT_GE(pdf.compare(0, 8, "%PDF-1.4"), 0);
  SigningIdentity id = loadSigningIdentity(signerP12(), "mem.p12", "mật khẩu", kNow);
  EXPECT_EQ(id.commonName, "Nguyễn Thử");
  const std::string out = sign(pdf, id);
  EXPECT_EQ(out.compare(0, pdf.size(), pdf), 0);
  PdfCheck c = verifyPdf(out, "");
  ASSERT_EQ(c.signatures.size(), 1u);
  EXPECT_TRUE(c.signatures[0].intact) << c.signatures[0].problem;
  EXPECT_TRUE(c.signatures[0].coversWholeDocument);
  EXPECT_TRUE(c.signatures[0].valid);
  EXPECT_EQ(c.signatures[0].signer, "Nguyễn Thử");
  ASSERT_TRUE(c.signatures[0].signingTime);
  EXPECT_EQ(*c.signatures[0].signingTime, kNow);
  // Same inputs, same bytes (RSA PKCS#1 v1.5 signatures are deterministic).
  EXPECT_EQ(sign(pdf, id), out);

  std::string tampered = out;
  tampered[pdf.size() / 3] ^= 0x20;
  PdfCheck t = verifyPdf(tampered, "");
  ASSERT_EQ(t.signatures.size(), 1u);
  EXPECT_FALSE(t.signatures[0].intact);
  EXPECT_FALSE(t.signatures[0].valid);
  EXPECT_TRUE(t.signatures[0].changedAfterSigning);

  // The same certificate cannot sign twice.
  try {
    sign(out, id);
    FAIL() << "signed twice with the same certificate";
  } catch (const SignFailure& f) {
    EXPECT_EQ(f.id, MsgId::SignAlreadySigned);
  }
}

TEST(Sign, FileWithCrossReferenceStreamGetsAStreamSection) {
  // The same document rewritten with object streams (PDF 1.5 cross-reference stream).
  const std::string plain = renderSeed("dang-uy-dinh-hoa");
  QPDF q;
  q.processMemoryFile("in.pdf", plain.data(), plain.size());
  QPDFWriter w(q);
  w.setOutputMemory();
  w.setObjectStreamMode(qpdf_o_generate);
  w.setDeterministicID(true);
  w.write();
  auto buf = w.getBufferSharedPointer();
  const std::string pdf(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  ASSERT_EQ(pdf.find("\nxref\n"), std::string::npos);

  SigningIdentity first = loadSigningIdentity(signerP12(), "mem.p12", "mật khẩu", kNow);
  const std::string once = sign(pdf, first);
  EXPECT_EQ(once.find("\nxref\n", pdf.size()), std::string::npos);
  EXPECT_NE(once.find("/Type /XRef", pdf.size()), std::string::npos);
  const std::string body = makeP12("Ủy ban nhân dân xã Thử", "");
  SigningIdentity second = loadSigningIdentity(body, "body.p12", "", kNow);
  const std::string twice = sign(once, second);
  PdfCheck c = verifyPdf(twice, "");
  ASSERT_EQ(c.signatures.size(), 2u);
  for (const auto& s : c.signatures) EXPECT_TRUE(s.valid) << s.field << ": " << s.problem;
  EXPECT_FALSE(c.signatures[0].coversWholeDocument);
  EXPECT_TRUE(c.signatures[1].coversWholeDocument);
  // qpdf reads the result through the new sections.
  QPDF r;
  r.processMemoryFile("twice.pdf", twice.data(), twice.size());
  EXPECT_FALSE(r.anyWarnings());
  EXPECT_EQ(r.getRoot().getKey("/AcroForm").getKey("/Fields").getArrayNItems(), 2);
}

TEST(Sign, WrongPasswordAndBadFilesAreTold) {
  auto failure = [](const std::string& bytes, const std::string& pw) {
    try {
      loadSigningIdentity(bytes, "x.p12", pw, kNow);
    } catch (const SignFailure& f) {
      return f.id;
    }
    return MsgId::SyntaxError;
  };
  EXPECT_EQ(failure(signerP12(), "sai"), MsgId::SignWrongPassword);
  EXPECT_EQ(failure("not a PKCS#12 file", ""), MsgId::SignBadCertificate);
  try {
    loadSigningIdentity(signerP12(), "x.p12", "mật khẩu", kNow + 3600 * 48);
    FAIL() << "an expired certificate was accepted";
  } catch (const SignFailure& f) {
    EXPECT_EQ(f.id, MsgId::SignCertExpired);
  }
}

TEST(Sign, VietnamTime) {
  EXPECT_EQ(vietnamTimeText(0), "01/01/1970 07:00:00 +07:00");
  EXPECT_EQ(vietnamTimeText(1737676800), "24/01/2025 07:00:00 +07:00");
}

namespace {

// A transparent RGBA PNG of w×h with one opaque pixel, written with libpng.
std::string writePng(const std::filesystem::path& dir, const std::string& name, unsigned w, unsigned h) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  img.width = w;
  img.height = h;
  img.format = PNG_FORMAT_RGBA;
  std::vector<unsigned char> px(PNG_IMAGE_SIZE(img), 0);
  px[3] = 255;
  const std::string path = (dir / name).string();
  EXPECT_TRUE(png_image_write_to_file(&img, path.c_str(), 0, px.data(), 0, nullptr));
  return path;
}

struct Drawn {
  double x = 0, y = 0, w = 0, h = 0;
};

// "q w 0 0 h x y cm /Name Do Q" in an appearance stream, in page coordinates.
Drawn drawnImage(const std::string& content, const std::string& name, double left, double bottom) {
  Drawn d;
  size_t at = content.find(" cm " + name + " Do");
  EXPECT_NE(at, std::string::npos) << name;
  if (at == std::string::npos) return d;
  size_t q = content.rfind("q ", at);
  EXPECT_EQ(std::sscanf(content.c_str() + q, "q %lf 0 0 %lf %lf %lf cm", &d.w, &d.h, &d.x, &d.y), 4);
  d.x += left;
  d.y += bottom;
  return d;
}

}  // namespace

TEST(Sign, VisibleFormFollowsNd30) {
  // Signature image centred in the room to sign; the seal at its real size over the left
  // third of the signature image, both vertically centred on it.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("vnplan-sign-png-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pdf = renderSeed("dang-uy-dinh-hoa");
  SigningIdentity id = loadSigningIdentity(signerP12(), "mem.p12", "mật khẩu", kNow);
  SignRequest req;
  req.identity = &id;
  req.signingTime = kNow;
  req.signatureImagePath = writePng(dir, "sig.png", 300, 120);
  req.sealImagePath = writePng(dir, "seal.png", 200, 200);
  req.sealDiameterMm = 40;
  const std::string out = signPdf(pdf, req);
  std::filesystem::remove_all(dir);

  QPDF q;
  q.processMemoryFile("out.pdf", out.data(), out.size());
  QPDFObjectHandle block = q.getRoot().getKey("/Dests").getKey("/vnplan.signature");
  const double bl = block.getArrayItem(2).getNumericValue(), bb = block.getArrayItem(3).getNumericValue(),
               br = block.getArrayItem(4).getNumericValue(), bt = block.getArrayItem(5).getNumericValue();
  QPDFObjectHandle widget = q.getRoot().getKey("/AcroForm").getKey("/Fields").getArrayItem(0);
  QPDFObjectHandle rect = widget.getKey("/Rect");
  auto data = widget.getKey("/AP").getKey("/N").getStreamData(qpdf_dl_generalized);
  const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  const double left = rect.getArrayItem(0).getNumericValue(), bottom = rect.getArrayItem(1).getNumericValue();
  Drawn sig = drawnImage(content, "/Sig", left, bottom), seal = drawnImage(content, "/Seal", left, bottom);
  EXPECT_NEAR(sig.x + sig.w / 2, (bl + br) / 2, 0.05);
  EXPECT_NEAR(sig.y + sig.h / 2, (bb + bt) / 2, 0.05);
  EXPECT_LE(sig.h, bt - bb);
  EXPECT_NEAR(sig.w / sig.h, 300.0 / 120.0, 0.01);
  EXPECT_NEAR(seal.w, 40 * kPtPerMm, 0.05);
  EXPECT_NEAR(seal.x + seal.w, sig.x + sig.w / 3, 0.05);
  EXPECT_NEAR(seal.y + seal.h / 2, sig.y + sig.h / 2, 0.05);
  PdfCheck c = verifyPdf(out, "");
  ASSERT_EQ(c.signatures.size(), 1u);
  EXPECT_TRUE(c.signatures[0].valid);
}
