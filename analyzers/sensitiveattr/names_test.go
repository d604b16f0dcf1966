package sensitiveattr

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for name, want := range map[string][]string{
		"userEmail":                     {"user", "email"},
		"APIKey":                        {"api", "key"},
		"APIKEY":                        {"apikey"},
		"http.request.header.x-api-key": {"http", "request", "header", "x", "api", "key"},
		"DB_PASSWORD":                   {"db", "password"},
		"sha256Sum":                     {"sha256", "sum"},
		"cvv2":                          {"cvv2"},
		"E-Mail":                        {"e", "mail"},
		"NationalID":                    {"national", "id"},
		"":                              nil,
		"__":                            nil,
		"émail":                         {"émail"},
		"nextPageToken":                 {"next", "page", "token"},
		"Set-Cookie":                    {"set", "cookie"},
		"user.email_address":            {"user", "email", "address"},
		"X-Auth-Token":                  {"x", "auth", "token"},
		"tokenURL":                      {"token", "url"},
		"HTTPServer":                    {"http", "server"},
		"password2":                     {"password2"},
		"gen_ai.usage.input_tokens":     {"gen", "ai", "usage", "input", "tokens"},
		"k8s.secret.name":               {"k8s", "secret", "name"},
		"user.e-mail":                   {"user", "e", "mail"},
		"auth.token_present":            {"auth", "token", "present"},
		"aws.secretsmanager.secret_arn": {"aws", "secretsmanager", "secret", "arn"},
		"hashedPassword":                {"hashed", "password"},
		"Authorization":                 {"authorization"},
		"Proxy-Authorization":           {"proxy", "authorization"},
		"ssn":                           {"ssn"},
		"creditCardNumber":              {"credit", "card", "number"},
		"user.phone_number":             {"user", "phone", "number"},
		"IBAN":                          {"iban"},
	} {
		if got := words(name); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestClassify(t *testing.T) {
	for name, want := range map[string]match{
		"user.email":                sensitive,
		"emails":                    sensitive,
		"user.email_address":        sensitive,
		"email_verified":            describing,
		"email.domain":              describing,
		"masked_email":              describing,
		"auth.token_present":        describing,
		"auth.token_type":           describing,
		"token.count":               describing,
		"next_page_token":           describing,
		"gen_ai.usage.input_tokens": describing,
		"access_token":              sensitive,
		"refreshToken":              sensitive,
		"tokenizer":                 noMatch,
		"secret.name":               describing,
		"secretKey":                 sensitive,
		"secretKeyRef":              describing,
		"apiKey":                    sensitive,
		"api_key_id":                describing,
		"password":                  sensitive,
		"hashed_password":           describing,
		"password_hash":             describing,
		"user.id":                   noMatch,
		"auth.method":               noMatch,
		"phone":                     sensitive,
		"iphone":                    noMatch,
		"card_number":               sensitive,
		"card_number_last4":         describing,
		"user.full_name":            sensitive,
		"user.name":                 noMatch,
		"credentials":               sensitive,
		"credentials_file":          describing,
	} {
		if got, _ := classify(nameTable, name); got != want {
			t.Errorf("classify(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestNamesFlag(t *testing.T) {
	var f namesFlag
	if err := f.Set("national_id:personal, pin"); err != nil {
		t.Fatal(err)
	}
	if err := f.Set("pan:card"); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != "national_id:personal,pin,pan:card" {
		t.Errorf("String() = %q", got)
	}
	if got := f.Get().([]string); len(got) != 3 {
		t.Errorf("Get() = %v", got)
	}
	if f.rows[0].kind != personal || f.rows[1].kind != credential || f.rows[2].kind != card {
		t.Errorf("kinds %v", f.rows)
	}
	for _, bad := range []string{"", "a,,b", "x:secret", "--"} {
		var g namesFlag
		if err := g.Set(bad); err == nil {
			t.Errorf("Set(%q): no error", bad)
		}
	}
}
