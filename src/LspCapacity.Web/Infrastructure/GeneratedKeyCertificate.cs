using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// The certificate that encrypts the Data Protection keys on SQLite when none is configured: made on the first start in the
/// data folder (<c>keys/data-protection.pfx</c>), loaded on every start after. Making it (an RSA 3072 key, half a second or
/// more) happens on a thread of its own while the app starts: the keys are first encrypted or decrypted when a request
/// first needs them (a sign-in cookie, a form's token), after start-up, and wait for it then if it is not yet made.
/// </summary>
public sealed class GeneratedKeyCertificate
{
    private readonly Task<X509Certificate2> _certificate;

    private GeneratedKeyCertificate(Task<X509Certificate2> certificate, bool wasThere) => (_certificate, WasThere) = (certificate, wasThere);

    /// <summary>The certificate at <paramref name="path"/>: loaded now when the file is there, else made in the background.</summary>
    public static GeneratedKeyCertificate At(string path) => File.Exists(path)
        ? new(Task.FromResult(X509CertificateLoader.LoadPkcs12FromFile(path, null)), wasThere: true)
        : new(Task.Run(() => Make(path)), wasThere: false); // a failure is thrown where the certificate is first needed

    /// <summary>Whether the certificate was there when the app started (and keys encrypted by it before may exist).</summary>
    public bool WasThere { get; }

    /// <summary>The certificate, waiting for it to be made if need be.</summary>
    public X509Certificate2 Certificate => _certificate.GetAwaiter().GetResult();

    private static X509Certificate2 Make(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var key = RSA.Create(3072))
        {
            var request = new CertificateRequest("CN=LspCapacity Data Protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
            var temporary = $"{path}.{Guid.NewGuid():N}.new";
            File.WriteAllBytes(temporary, made.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // another process on the same data folder made it first: theirs is the one
            }
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, null);
    }

    /// <summary>Encrypts a new key with the certificate (as <see cref="CertificateXmlEncryptor"/>), to be decrypted by <see cref="Decryptor"/>.</summary>
    public sealed class Encryptor(GeneratedKeyCertificate certificate, ILoggerFactory loggers) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(new CertificateXmlEncryptor(certificate.Certificate, loggers).Encrypt(plaintextElement).EncryptedElement, typeof(Decryptor));
    }

    /// <summary>
    /// Decrypts a key <see cref="Encryptor"/> encrypted, with the private key of the certificate it names. Data Protection makes
    /// it by the type name stored with each key: renaming or moving this class leaves the keys already stored unreadable.
    /// </summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var certificate = services.GetRequiredService<GeneratedKeyCertificate>().Certificate;
            // EncryptedXml works on an XmlDocument, and not on its root element: the element goes inside one.
            var document = new XmlDocument();
            using (var reader = new XElement("root", encryptedElement).CreateReader())
            {
                document.Load(reader);
            }
            new WithPrivateKeyOf(document, certificate).DecryptDocument();
            return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
        }

        private sealed class WithPrivateKeyOf(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
        {
            public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
            {
                var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(x => x.Certificates?.OfType<X509Certificate2>() ?? []);
                if (!named.Any(c => c.Thumbprint == certificate.Thumbprint))
                {
                    throw new CryptographicException(
                        $"The key was encrypted with another certificate than the data folder's (thumbprint {certificate.Thumbprint}).");
                }
                using var key = certificate.GetRSAPrivateKey()
                    ?? throw new CryptographicException("The data folder's certificate has no RSA private key.");
                return DecryptKey(encryptedKey.CipherData.CipherValue!, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
            }
        }
    }
}
