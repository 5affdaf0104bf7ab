-- eventloom's SQLite store, schema version 1 (PRAGMA user_version = 1).
--
-- Written by `eventloom build INPUT... --db graph.sqlite` (and `merge --db`,
-- `build --update graph.sqlite`); read by every command that takes a store,
-- and by any SQLite client. docs/sqlite-store.md explains the tables and
-- gives example queries.
--
-- Conventions
--   * Offsets (start, end) are UTF-8 byte offsets into documents.text,
--     half-open. SQLite's substr() counts characters in TEXT, so take a slice
--     as CAST(substr(CAST(text AS BLOB), start + 1, end - start) AS TEXT).
--   * Days are 'YYYY-MM-DD' text, so they sort and compare as dates.
--   * Row numbers (doc, actor, statement, event) are the positions in the
--     corpus: 0-based, in the order of the JSON export.
--   * A list that belongs to one row and is never searched on its own is a
--     JSON array in a TEXT column (read it with json_each()).
--
-- Two layers. The article layer (documents ... doc_events) is everything each
-- article's extraction holds, so the store reads back losslessly: merge,
-- build --update and export --format json rebuild the corpus from it alone.
-- The corpus layer (actors ... interaction_items) is derived from it at
-- build time (actors merged across articles, quotes and events found in
-- several articles made one, interactions, centrality) for the queries.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,          -- 'format' = 'eventloom-graph', 'centrality', 'actors', ...
  value TEXT
) WITHOUT ROWID;

-- ---- the article layer ------------------------------------------------------

CREATE TABLE documents (
  doc                INTEGER PRIMARY KEY,   -- 0-based, sorted by id
  id                 TEXT NOT NULL UNIQUE,  -- record id, or '<file name>#<n>'
  title              TEXT NOT NULL,
  published          TEXT,                  -- 'YYYY-MM-DD' or NULL
  published_from     TEXT NOT NULL,         -- none, metadata, dateline, text
  published_evidence TEXT,
  format             TEXT NOT NULL,         -- text, html, jsonl
  near_duplicate_of  TEXT,
  fields             TEXT,                  -- JSON object: JSON Lines fields kept as they were
  text               TEXT,                  -- the article exactly as given; NULL when written with --no-text
  text_length        INTEGER NOT NULL       -- bytes
);

CREATE TABLE sources (                      -- where an article was found; seq 0 is where its text is from
  doc       INTEGER NOT NULL REFERENCES documents,
  seq       INTEGER NOT NULL,
  path      TEXT NOT NULL,
  "offset"  INTEGER NOT NULL,               -- byte offset of the text in that file
  line      INTEGER NOT NULL,               -- 1-based, 0: unknown
  record_id TEXT,
  url       TEXT,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE paragraphs (                   -- the kept paragraphs of an article
  doc       INTEGER NOT NULL REFERENCES documents,
  seq       INTEGER NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  kind      TEXT NOT NULL,                  -- title, standfirst, caption, byline, body, template
  continues INTEGER NOT NULL,               -- 1: a piece of the paragraph before it
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE text_pieces (                  -- --no-text: the pieces of the text the extraction points into
  doc   INTEGER NOT NULL REFERENCES documents,
  start INTEGER NOT NULL,
  text  TEXT NOT NULL,
  PRIMARY KEY (doc, start)
) WITHOUT ROWID;

CREATE TABLE timexes (                      -- time expressions, TIMEX3
  doc         INTEGER NOT NULL REFERENCES documents,
  seq         INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  type        TEXT NOT NULL,                -- DATE, TIME, DURATION, SET
  value       TEXT NOT NULL,                -- '2024-11-21', 'P3Y', 'PRESENT_REF', ...
  paragraph   INTEGER NOT NULL,
  first_token INTEGER NOT NULL,
  last_token  INTEGER NOT NULL,
  relative    INTEGER NOT NULL,             -- 1: resolved against the publication date
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE doc_actors (                   -- an actor as one article knows it
  doc          INTEGER NOT NULL REFERENCES documents,
  local        INTEGER NOT NULL,            -- its number in the article
  actor        INTEGER NOT NULL REFERENCES actors,  -- the corpus actor it was merged into
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,               -- PERSON, ORG, GPE, LOC
  aliases      TEXT NOT NULL,               -- JSON array of strings
  roles        TEXT NOT NULL,               -- JSON array of strings
  affiliations TEXT NOT NULL,               -- JSON array of local numbers
  key          TEXT NOT NULL,               -- the alias key actors are merged by
  PRIMARY KEY (doc, local)
) WITHOUT ROWID;

CREATE TABLE mentions (                     -- every place an article names an actor
  doc   INTEGER NOT NULL REFERENCES documents,
  seq   INTEGER NOT NULL,
  local INTEGER NOT NULL,                   -- doc_actors.local
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE doc_statements (               -- quotes as one article has them
  doc                   INTEGER NOT NULL REFERENCES documents,
  local                 INTEGER NOT NULL,
  speaker               INTEGER,            -- doc_actors.local, NULL: unattributed
  speaker_start         INTEGER,
  speaker_end           INTEGER,
  kind                  TEXT NOT NULL,      -- direct, indirect
  start                 INTEGER NOT NULL,   -- the quoted or reported words
  "end"                 INTEGER NOT NULL,
  cue_start             INTEGER,            -- the reporting verb
  cue_end               INTEGER,
  date                  TEXT NOT NULL,      -- TIMEX3 value, '' when none
  date_from_publication INTEGER NOT NULL,
  mentions              TEXT NOT NULL,      -- JSON array of doc_actors.local
  PRIMARY KEY (doc, local)
) WITHOUT ROWID;

CREATE TABLE doc_events (                   -- events as one article has them
  doc                   INTEGER NOT NULL REFERENCES documents,
  local                 INTEGER NOT NULL,
  type                  TEXT NOT NULL,      -- CAMEO root, '04 CONSULT'
  trigger_start         INTEGER NOT NULL,
  trigger_end           INTEGER NOT NULL,
  start                 INTEGER NOT NULL,   -- the evidence sentence
  "end"                 INTEGER NOT NULL,
  date                  TEXT NOT NULL,
  date_from_publication INTEGER NOT NULL,
  modality              TEXT NOT NULL,      -- asserted, hypothetical, future, negated
  from_statement        INTEGER NOT NULL,
  participants          TEXT NOT NULL,      -- JSON array of [doc_actors.local, "source"|"target"|"other"]
  PRIMARY KEY (doc, local)
) WITHOUT ROWID;

-- ---- the corpus layer ---------------------------------------------------------

CREATE TABLE actors (
  actor        INTEGER PRIMARY KEY,         -- 0-based, in the JSON export's order
  id           TEXT NOT NULL UNIQUE,        -- 'russia', 'vladimir-putin'
  name         TEXT NOT NULL,
  type         TEXT NOT NULL,               -- PERSON, ORG, GPE, LOC
  first_day    TEXT,                        -- the span of its statements, events and articles
  last_day     TEXT,
  statements   INTEGER NOT NULL,            -- how many statements it made
  degree       INTEGER,                     -- centrality (NULL: takes part in no interaction):
  weight       INTEGER,                     --   distinct partners, statements and events behind them,
  betweenness  REAL,                        --   betweenness (meta 'centrality' says exact or sampled)
  rank         INTEGER                      -- 1: the most central
);

CREATE TABLE actor_names (                  -- every name an actor goes by
  actor INTEGER NOT NULL REFERENCES actors,
  kind  TEXT NOT NULL,                      -- id, name, alias
  name  TEXT NOT NULL,
  key   TEXT NOT NULL                       -- lower case, accents and punctuation dropped: 'tony hayward'
);

CREATE TABLE actor_roles (
  actor INTEGER NOT NULL REFERENCES actors,
  seq   INTEGER NOT NULL,
  role  TEXT NOT NULL,                      -- 'Kremlin spokesman'
  PRIMARY KEY (actor, seq)
) WITHOUT ROWID;

CREATE TABLE affiliations (                 -- actor belongs to member_of
  actor     INTEGER NOT NULL REFERENCES actors,
  seq       INTEGER NOT NULL,
  member_of INTEGER NOT NULL REFERENCES actors,
  PRIMARY KEY (actor, seq)
) WITHOUT ROWID;

CREATE TABLE statements (                   -- the same quote in several articles is one
  statement INTEGER PRIMARY KEY,
  id        TEXT NOT NULL,
  speaker   INTEGER REFERENCES actors,      -- NULL: unattributed
  kind      TEXT NOT NULL,                  -- direct, indirect
  text      TEXT NOT NULL,
  date      TEXT,                           -- TIMEX3 value as found, NULL when none
  date_from TEXT NOT NULL,                  -- text, publication, none
  day       TEXT                            -- the day it is placed on: its date's first day, else its first
);                                          --   article's publication day; NULL: undated

CREATE TABLE statement_mentions (           -- actors a statement names
  statement INTEGER NOT NULL REFERENCES statements,
  seq       INTEGER NOT NULL,
  actor     INTEGER NOT NULL REFERENCES actors,
  PRIMARY KEY (statement, seq)
) WITHOUT ROWID;

CREATE TABLE events (                       -- CAMEO-typed; the same event in several articles is one
  event          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL,
  type           TEXT NOT NULL,             -- '04 CONSULT'
  date           TEXT,
  date_from      TEXT NOT NULL,             -- text, publication, none
  modality       TEXT NOT NULL,
  from_statement INTEGER NOT NULL,          -- the act of making a statement
  restates       INTEGER NOT NULL,          -- 1: only restates a statement (drawn and counted as it)
  day            TEXT
);

CREATE TABLE participants (
  event INTEGER NOT NULL REFERENCES events,
  seq   INTEGER NOT NULL,
  actor INTEGER NOT NULL REFERENCES actors,
  role  TEXT NOT NULL,                      -- source, target, other
  PRIMARY KEY (event, seq)
) WITHOUT ROWID;

CREATE TABLE evidence (                     -- where each statement and event was read; seq 0 is the primary
  item_kind TEXT NOT NULL,                  -- statement, event
  item      INTEGER NOT NULL,               -- statements.statement or events.event
  seq       INTEGER NOT NULL,
  doc       INTEGER NOT NULL REFERENCES documents,
  local     INTEGER NOT NULL,               -- doc_statements.local or doc_events.local
  start     INTEGER NOT NULL,               -- the quote, or the event's sentence
  "end"     INTEGER NOT NULL,
  PRIMARY KEY (item_kind, item, seq)
) WITHOUT ROWID;

CREATE TABLE interactions (                 -- derived: source acted on target, or named it in a statement
  source    INTEGER NOT NULL REFERENCES actors,
  target    INTEGER NOT NULL REFERENCES actors,
  count     INTEGER NOT NULL,               -- statements and events behind it
  first_day TEXT,
  last_day  TEXT,
  types     TEXT NOT NULL,                  -- JSON array: event types, 'statement'
  PRIMARY KEY (source, target)
) WITHOUT ROWID;

CREATE TABLE interaction_items (            -- the statements and events behind each interaction
  source    INTEGER NOT NULL,
  target    INTEGER NOT NULL,
  item_kind TEXT NOT NULL,                  -- event, statement
  item      INTEGER NOT NULL,
  PRIMARY KEY (source, target, item_kind, item)
) WITHOUT ROWID;

-- Indexes, created after the rows are in.
CREATE INDEX actor_names_by_key ON actor_names (key);
CREATE INDEX actor_names_by_actor ON actor_names (actor);
CREATE INDEX actors_by_rank ON actors (rank) WHERE rank IS NOT NULL;
CREATE INDEX doc_actors_by_actor ON doc_actors (actor);
CREATE INDEX statements_by_day ON statements (day);
CREATE INDEX statements_by_speaker ON statements (speaker);
CREATE INDEX statement_mentions_by_actor ON statement_mentions (actor);
CREATE INDEX events_by_day ON events (day);
CREATE INDEX participants_by_actor ON participants (actor);
CREATE INDEX evidence_by_doc ON evidence (doc);
CREATE INDEX interactions_by_target ON interactions (target);

PRAGMA user_version = 1;
