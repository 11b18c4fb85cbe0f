#include "sign/cms_signature.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <ctime>
#include <memory>

#include "sign/sign_error.hpp"

namespace vnplan {

namespace {

struct CmsFree {
  void operator()(CMS_ContentInfo* p) const { CMS_ContentInfo_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(ASN1_TIME* p) const { ASN1_TIME_free(p); }
  void operator()(X509_STORE* p) const { X509_STORE_free(p); }
  void operator()(X509_STORE_CTX* p) const { X509_STORE_CTX_free(p); }
  void operator()(STACK_OF(X509)* p) const { sk_X509_pop_free(p, X509_free); }
};
template <class T>
using Owned = std::unique_ptr<T, CmsFree>;

std::string opensslError() {
  unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (!e) return "OpenSSL";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

Owned<BIO> memBio(const std::string& s) { return Owned<BIO>(BIO_new_mem_buf(s.data(), static_cast<int>(s.size()))); }

Owned<CMS_ContentInfo> parseCms(const std::string& der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  return Owned<CMS_ContentInfo>(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
}

// The certificate of the (first) signer, from the certificates carried in the CMS.
X509* signerCertificate(CMS_ContentInfo* cms, STACK_OF(X509)* certs) {
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
  if (!infos || sk_CMS_SignerInfo_num(infos) < 1) return nullptr;
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  for (int i = 0; i < sk_X509_num(certs); ++i)
    if (CMS_SignerInfo_cert_cmp(si, sk_X509_value(certs, i)) == 0) return sk_X509_value(certs, i);
  return nullptr;
}

std::optional<std::int64_t> signingTimeOf(CMS_ContentInfo* cms) {
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
  if (!infos || sk_CMS_SignerInfo_num(infos) < 1) return std::nullopt;
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  int idx = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (idx < 0) return std::nullopt;
  X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, idx);
  ASN1_TYPE* v = X509_ATTRIBUTE_get0_type(attr, 0);
  if (!v || (v->type != V_ASN1_UTCTIME && v->type != V_ASN1_GENERALIZEDTIME)) return std::nullopt;
  struct tm tm {};
  if (ASN1_TIME_to_tm(reinterpret_cast<ASN1_TIME*>(v->value.asn1_string), &tm) != 1) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::string makeCadesSignature(const SigningIdentity& id, const std::string& data, std::int64_t signingTime) {
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP;
  Owned<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, id.chain.get(), nullptr, flags | CMS_PARTIAL));
  if (!cms) throw SignFailure(MsgId::SignFailed, {opensslError()});
  // CMS_CADES adds the ESS signing-certificate-v2 attribute (SHA-256 of the certificate).
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), id.cert.get(), id.key.get(), EVP_sha256(),
                                       flags | CMS_PARTIAL | CMS_CADES);
  if (!si) throw SignFailure(MsgId::SignFailed, {opensslError()});
  // A fixed signingTime: OpenSSL would otherwise add the current time, and two runs differ.
  Owned<ASN1_TIME> t(ASN1_TIME_set(nullptr, static_cast<time_t>(signingTime)));
  if (!t || !CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t.get(), -1))
    throw SignFailure(MsgId::SignFailed, {opensslError()});
  Owned<BIO> in = memBio(data);
  if (!CMS_final(cms.get(), in.get(), nullptr, flags)) throw SignFailure(MsgId::SignFailed, {opensslError()});
  unsigned char* der = nullptr;
  int n = i2d_CMS_ContentInfo(cms.get(), &der);
  if (n <= 0) throw SignFailure(MsgId::SignFailed, {opensslError()});
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

CmsCheck checkCadesSignature(const std::string& der, const std::string& data, const std::string& caFile) {
  CmsCheck r;
  Owned<CMS_ContentInfo> cms = parseCms(der);
  if (!cms) {
    r.detail = opensslError();
    return r;
  }
  r.parsed = true;
  Owned<STACK_OF(X509)> certs(CMS_get1_certs(cms.get()));
  X509* signer = certs ? signerCertificate(cms.get(), certs.get()) : nullptr;
  if (signer) {
    r.commonName = subjectEntry(signer, NID_commonName);
    r.organisation = subjectEntry(signer, NID_organizationName);
  }
  r.signingTime = signingTimeOf(cms.get());
  Owned<BIO> in = memBio(data);
  // The certificate is judged separately (below): here only digest and signature value.
  r.intact = CMS_verify(cms.get(), nullptr, nullptr, in.get(), nullptr,
                        CMS_DETACHED | CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  if (!r.intact) r.detail = opensslError();
  if (!caFile.empty() && signer) {
    r.chainChecked = true;
    Owned<X509_STORE> store(X509_STORE_new());
    Owned<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
    if (!X509_STORE_load_file(store.get(), caFile.c_str())) {
      r.chainDetail = opensslError();
      return r;
    }
    X509_STORE_CTX_init(ctx.get(), store.get(), signer, certs.get());
    // Judged at the time of signing: a certificate that expired since still signed validly.
    if (r.signingTime) X509_STORE_CTX_set_time(ctx.get(), 0, static_cast<time_t>(*r.signingTime));
    r.chainOk = X509_verify_cert(ctx.get()) == 1;
    if (!r.chainOk) r.chainDetail = X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
    ERR_clear_error();
  } else if (!caFile.empty()) {
    r.chainChecked = true;
    r.chainDetail = "no signer certificate";
  }
  return r;
}

bool signedWithCertificate(const std::string& der, X509* cert, std::string* signerName) {
  Owned<CMS_ContentInfo> cms = parseCms(der);
  ERR_clear_error();
  if (!cms) return false;
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  for (int i = 0; infos && i < sk_CMS_SignerInfo_num(infos); ++i)
    if (CMS_SignerInfo_cert_cmp(sk_CMS_SignerInfo_value(infos, i), cert) == 0) {
      if (signerName) *signerName = subjectEntry(cert, NID_commonName);
      return true;
    }
  return false;
}

}  // namespace vnplan
