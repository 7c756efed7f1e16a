package mthttp

// Message IDs of the provider errors. Their texts live in locales/providers.*.toml in all four
// site languages; every one takes {{.Provider}} from Data.
const (
	MsgAuth            = "error.provider_auth"             // credentials rejected (401/403)
	MsgQuota           = "error.provider_quota"            // the account's character quota is used up
	MsgRateLimited     = "error.provider_rate_limited"     // too many requests; RetryAfter says how long to wait
	MsgUnavailable     = "error.provider_unavailable"      // 5xx, timeout, connection failure
	MsgUnsupportedPair = "error.provider_unsupported_pair" // the language pair is not offered; Data has Source and Target
	MsgBadResponse     = "error.provider_bad_response"     // an answer that cannot be used
	MsgTextTooLarge    = "error.provider_text_too_large"   // one text is over the service's request size limit
	MsgConfig          = "error.provider_config"           // misconfiguration found at start-up; Data has Field
)

// MessageIDs lists every provider message ID, for tests that check the locale files.
func MessageIDs() []string {
	return []string{MsgAuth, MsgQuota, MsgRateLimited, MsgUnavailable, MsgUnsupportedPair,
		MsgBadResponse, MsgTextTooLarge, MsgConfig}
}
