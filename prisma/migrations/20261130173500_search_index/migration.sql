-- Search (the shell's search box, /search): a person's name found accent- and case-insensitively, in part and in
-- either order, and a case reference by its prefix, fast at 50,000 detentions, through trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary chosen by search_path), so it cannot appear in an index
-- expression. This wrapper names the dictionary and the function by schema, which makes its result depend on its
-- argument alone: it may then be declared IMMUTABLE and indexed.
CREATE OR REPLACE FUNCTION public.f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The text a name search reads: "given family", lower case, without accents. lib/search/queries.ts writes exactly
-- this expression so the planner uses the index.
CREATE INDEX "Detainee_search_name" ON "Detainee" USING gin (public.f_unaccent(lower("givenName" || ' ' || "familyName")) gin_trgm_ops);

-- A case reference typed in part ("TOR-26-00"): a prefix LIKE on the upper-case reference.
CREATE INDEX "Detention_search_reference" ON "Detention" USING gin ("reference" gin_trgm_ops);
