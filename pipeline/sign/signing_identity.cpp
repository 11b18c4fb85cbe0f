#include "sign/signing_identity.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>

#include <cstdio>
#include <mutex>

#include "sign/sign_error.hpp"

namespace vnplan {

namespace {

// Older authorities still issue PKCS#12 files protected with RC2/3DES, which OpenSSL 3
// keeps in its "legacy" provider. Loaded once, next to the default provider, if present.
// The providers are unloaded when the process exits, so that leak checkers see no memory
// still held by them.
struct LoadedProviders {
  OSSL_PROVIDER* defaults = nullptr;
  OSSL_PROVIDER* legacy = nullptr;
  LoadedProviders() {
    defaults = OSSL_PROVIDER_load(nullptr, "default");
    legacy = OSSL_PROVIDER_load(nullptr, "legacy");
    ERR_clear_error();
  }
  ~LoadedProviders() {
    if (legacy) OSSL_PROVIDER_unload(legacy);
    if (defaults) OSSL_PROVIDER_unload(defaults);
  }
  LoadedProviders(const LoadedProviders&) = delete;
  LoadedProviders& operator=(const LoadedProviders&) = delete;
};

void loadLegacyProvider() {
  static LoadedProviders providers;  // thread-safe one-time initialisation
  (void)providers;
}

}  // namespace

std::string subjectEntry(const X509* cert, int nid) {
  const X509_NAME* name = X509_get_subject_name(cert);
  int idx = X509_NAME_get_index_by_NID(name, nid, -1);
  if (idx < 0) return "";
  const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, s);
  if (n < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

std::string asn1DateText(const ASN1_TIME* t) {
  struct tm tm {};
  if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
  return buf;
}

void checkValidAt(const X509* cert, std::int64_t at) {
  time_t t = static_cast<time_t>(at);
  if (X509_cmp_time(X509_get0_notBefore(cert), &t) > 0)
    throw SignFailure(MsgId::SignCertNotYetValid, {asn1DateText(X509_get0_notBefore(cert))});
  if (X509_cmp_time(X509_get0_notAfter(cert), &t) < 0)
    throw SignFailure(MsgId::SignCertExpired, {asn1DateText(X509_get0_notAfter(cert))});
}

SigningIdentity loadSigningIdentity(const std::string& p12Bytes, const std::string& path, const std::string& password,
                                    std::int64_t at) {
  loadLegacyProvider();
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(p12Bytes.data(), static_cast<int>(p12Bytes.size())),
                                                BIO_free);
  std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12_bio(bio.get(), nullptr), PKCS12_free);
  if (!p12) {
    ERR_clear_error();
    throw SignFailure(MsgId::SignBadCertificate, {path});
  }
  // An empty password may be stored as no password at all; accept either.
  const char* pass = password.c_str();
  if (PKCS12_mac_present(p12.get()) && !PKCS12_verify_mac(p12.get(), pass, -1)) {
    if (password.empty() && PKCS12_verify_mac(p12.get(), nullptr, 0))
      pass = nullptr;
    else {
      ERR_clear_error();
      throw SignFailure(MsgId::SignWrongPassword, {path});
    }
  }
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* ca = nullptr;
  if (!PKCS12_parse(p12.get(), pass, &key, &cert, &ca)) {
    ERR_clear_error();
    throw SignFailure(MsgId::SignBadCertificate, {path});
  }
  SigningIdentity id;
  id.key.reset(key);
  id.cert.reset(cert);
  id.chain.reset(ca ? ca : sk_X509_new_null());
  if (!id.key) throw SignFailure(MsgId::SignBadCertificate, {path});
  if (!id.cert) {
    // PKCS12_parse pairs key and certificate by their local key id; without one, look for
    // the certificate that matches the key among the others.
    for (int i = 0; i < sk_X509_num(id.chain.get()); ++i) {
      X509* c = sk_X509_value(id.chain.get(), i);
      if (X509_check_private_key(c, id.key.get())) {
        id.cert.reset(c);
        sk_X509_delete(id.chain.get(), i);
        break;
      }
    }
    ERR_clear_error();
    if (!id.cert) throw SignFailure(MsgId::SignKeyMismatch);
  }
  if (!X509_check_private_key(id.cert.get(), id.key.get())) {
    ERR_clear_error();
    throw SignFailure(MsgId::SignKeyMismatch);
  }
  checkValidAt(id.cert.get(), at);
  id.commonName = subjectEntry(id.cert.get(), NID_commonName);
  id.organisation = subjectEntry(id.cert.get(), NID_organizationName);
  return id;
}

}  // namespace vnplan
