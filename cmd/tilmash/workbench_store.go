package main

import (
	"context"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/pipeline"
)

// webStore is the store as the web layer sees it: the workbench's methods return the web
// package's own types, converted here so that neither package imports the other.
type webStore struct{ *postgres.DB }

func (s webStore) FindSession(ctx context.Context, token string) (web.Session, error) {
	ss, err := s.DB.FindSession(ctx, token)
	return web.Session(ss), err
}

func (s webStore) FindQueue(ctx context.Context, langs []pipeline.Lang, me string) ([]web.QueueItem, error) {
	items, err := s.DB.FindQueue(ctx, langs, me)
	out := make([]web.QueueItem, len(items))
	for i, it := range items {
		out[i] = web.QueueItem(it)
	}
	return out, err
}

func (s webStore) FindSegmentSource(ctx context.Context, editionID, segmentID int64) (web.SegmentSource, error) {
	src, err := s.DB.FindSegmentSource(ctx, editionID, segmentID)
	return web.SegmentSource(src), err
}

func (s webStore) AddComment(ctx context.Context, editionID, segmentID int64, author, body string) (web.Comment, error) {
	c, err := s.DB.AddComment(ctx, editionID, segmentID, author, body)
	return web.Comment(c), err
}

func (s webStore) FindComments(ctx context.Context, editionID int64) ([]web.Comment, error) {
	cs, err := s.DB.FindComments(ctx, editionID)
	out := make([]web.Comment, len(cs))
	for i, c := range cs {
		out[i] = web.Comment(c)
	}
	return out, err
}
