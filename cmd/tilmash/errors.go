package main

import (
	"errors"
	"fmt"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// errorText is the English message of a user-facing error, or the error's own text otherwise.
func errorText(err error) string {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.MessageID == "" {
		return err.Error()
	}
	b, berr := locales.Bundle()
	if berr != nil {
		return err.Error()
	}
	cfg := &i18n.LocalizeConfig{MessageID: pe.MessageID, TemplateData: pe.Data}
	if n, ok := pe.Data["Count"].(int); ok {
		cfg.PluralCount = n
	}
	msg, lerr := i18n.NewLocalizer(b, "en").Localize(cfg)
	if lerr != nil || msg == "" {
		return err.Error()
	}
	if pe.Err != nil && pe.Err.Error() != msg {
		return fmt.Sprintf("%s (%s)", msg, pe.Err.Error())
	}
	return msg
}
