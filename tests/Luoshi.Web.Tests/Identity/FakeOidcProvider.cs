using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Luoshi.Web.Tests.Identity;

/// <summary>How the provider shapes the id_token it issues: the tests bend one thing at a time.</summary>
public sealed record TokenShape(string? Issuer = null, string? Audience = null, string? Nonce = null, bool Expired = false, bool ForeignKey = false);

/// <summary>
/// An OpenID Connect provider in the test process, reached through the app's back channel: a discovery
/// document, a JWKS with an RSA key made for the run, and a token endpoint that checks the client's
/// secret (in a Basic header or in the form), the redirect address and the PKCE verifier before it signs an id_token. The browser's visit to the
/// authorization endpoint is played by <see cref="Authorize"/>.
/// </summary>
public sealed class FakeOidcProvider : HttpMessageHandler
{
    public const string Issuer = "http://idp.test";
    public const string ClientId = "luoshi-test";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly RsaSecurityKey _foreign = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private int _redeemed;

    private sealed record Grant(string Challenge, string RedirectUri, string Nonce, string User, TokenShape Shape);

    /// <summary>How many codes the token endpoint exchanged for tokens.</summary>
    public int Redeemed => _redeemed;

    /// <summary>The user signs in at the provider, which sends the browser back to the app with a code and the app's state.</summary>
    public string Authorize(string authorizeUrl, string user, TokenShape? shape = null)
    {
        var uri = new Uri(authorizeUrl);
        uri.GetLeftPart(UriPartial.Path).ShouldBe(Issuer + "/authorize");
        var q = QueryHelpers.ParseQuery(uri.Query);
        q["response_type"].ToString().ShouldBe("code");
        q["client_id"].ToString().ShouldBe(ClientId);
        q["code_challenge_method"].ToString().ShouldBe("S256");
        q["scope"].ToString().Split(' ').ShouldContain("openid");
        q["state"].ToString().ShouldNotBeNullOrEmpty();
        q["nonce"].ToString().ShouldNotBeNullOrEmpty();
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(q["code_challenge"].ToString(), q["redirect_uri"].ToString(), q["nonce"].ToString(), user, shape ?? new TokenShape());
        return QueryHelpers.AddQueryString(q["redirect_uri"].ToString(), new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"].ToString() });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (request.RequestUri!.AbsolutePath)
        {
            case "/.well-known/openid-configuration":
                return Json(new
                {
                    issuer = Issuer,
                    authorization_endpoint = Issuer + "/authorize",
                    token_endpoint = Issuer + "/token",
                    jwks_uri = Issuer + "/jwks",
                    response_types_supported = new[] { "code" },
                    subject_types_supported = new[] { "public" },
                    id_token_signing_alg_values_supported = new[] { "RS256" },
                    code_challenge_methods_supported = new[] { "S256" },
                    token_endpoint_auth_methods_supported = new[] { "client_secret_basic", "client_secret_post" },
                });
            case "/jwks":
                var p = _key.Rsa.ExportParameters(false);
                return Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
            case "/token" when request.Method == HttpMethod.Post:
                return await Token(request, cancellationToken);
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    private async Task<HttpResponseMessage> Token(HttpRequestMessage request, CancellationToken ct)
    {
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(ct));
        // The client authenticates one way, either of the two the discovery document offers (OIDC Core 9).
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret)));
        bool byHeader = request.Headers.Authorization is { Scheme: "Basic" } auth && auth.Parameter == basic;
        bool byForm = form["client_id"] == ClientId && form["client_secret"] == ClientSecret;
        if (byHeader == byForm)
        {
            return Error(HttpStatusCode.Unauthorized, "invalid_client");
        }

        // A code is good once, for the address it was issued to, and only with the verifier behind its challenge.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            return Error(HttpStatusCode.BadRequest, "invalid_grant");
        }

        Interlocked.Increment(ref _redeemed);
        var now = DateTime.UtcNow;
        var shape = grant.Shape;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = shape.Issuer ?? Issuer,
            Audience = shape.Audience ?? ClientId,
            IssuedAt = shape.Expired ? now.AddMinutes(-40) : now,
            NotBefore = shape.Expired ? now.AddMinutes(-40) : now,
            Expires = shape.Expired ? now.AddMinutes(-10) : now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "subject-" + grant.User,
                ["preferred_username"] = grant.User,
                ["nonce"] = shape.Nonce ?? grant.Nonce,
            },
            SigningCredentials = new SigningCredentials(shape.ForeignKey ? _foreign : _key, SecurityAlgorithms.RsaSha256),
        });
        return Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };

    private static HttpResponseMessage Error(HttpStatusCode status, string error) => new(status) { Content = JsonContent.Create(new { error }) };
}
