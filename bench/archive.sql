-- Generates an archive of :articles articles, each published in en, ru, kk and zh, one every
-- eight hours up to yesterday, with a body of about 5 KB per edition, in four categories.
-- Run on a migrated database: psql -v articles=10000 -f bench/archive.sql DATABASE_URL
-- The site's change trigger is off while it runs and the generation moves on once at the end,
-- with no record of the change: a reader or export that saw the site before rebuilds whole.
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE editions DISABLE TRIGGER editions_live_changed;
ALTER TABLE articles DISABLE TRIGGER articles_public_changed;

INSERT INTO articles (slug, source_lang, category, byline)
SELECT 'archive-' || g, 'en', (ARRAY['analysis', 'economy', 'security', 'energy'])[1 + g % 4], 'Staff writer ' || (g % 37)
FROM generate_series(1, :articles) g;

INSERT INTO revisions (article_id, number, format, body, title)
SELECT id, 1, 'text', 'Archive article ' || id, 'Archive article ' || id
FROM articles WHERE revision_id IS NULL AND slug LIKE 'archive-%';

UPDATE articles a SET revision_id = r.id FROM revisions r
WHERE r.article_id = a.id AND a.revision_id IS NULL AND a.slug LIKE 'archive-%';

INSERT INTO editions (article_id, lang, is_source, state, revision_id, release)
SELECT a.id, l, l = 'en', 'published', a.revision_id, 1
FROM articles a CROSS JOIN unnest(ARRAY['en', 'ru', 'kk', 'zh']) l
WHERE a.slug LIKE 'archive-%' AND NOT EXISTS (SELECT 1 FROM editions x WHERE x.article_id = a.id)
ORDER BY a.id, l;

INSERT INTO published_versions (edition_id, article_id, lang, revision_id, release, title, byline, html, approved_by, published_at)
SELECT e.id, e.article_id, e.lang, e.revision_id, 1,
       CASE e.lang WHEN 'en' THEN 'Archive article ' WHEN 'ru' THEN 'Статья архива ' WHEN 'kk' THEN 'Мұрағат мақаласы ' ELSE '档案文章 ' END || a.id,
       a.byline,
       repeat('<p>' || repeat(CASE e.lang WHEN 'en' THEN 'Regional trade and transport corridors in the archive. '
                                          WHEN 'ru' THEN 'Региональная торговля и транспортные коридоры. '
                                          WHEN 'kk' THEN 'Өңірлік сауда және көлік дәліздері. '
                                          ELSE '区域贸易和运输走廊。' END, 12) || '</p>' || chr(10), 8),
       'bench',
       now() - interval '1 day' - (m.top - a.id) * interval '8 hours'
FROM editions e JOIN articles a ON a.id = e.article_id
CROSS JOIN (SELECT max(id) AS top FROM articles) m
WHERE e.live_version_id IS NULL AND a.slug LIKE 'archive-%'
ORDER BY a.id, e.lang;

UPDATE editions e SET live_version_id = v.id FROM published_versions v
WHERE v.edition_id = e.id AND e.live_version_id IS NULL;

ALTER TABLE editions ENABLE TRIGGER editions_live_changed;
ALTER TABLE articles ENABLE TRIGGER articles_public_changed;
UPDATE site_state SET generation = generation + 1, changed_at = now();
COMMIT;
ANALYZE;
