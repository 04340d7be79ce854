// name: candidates
// title.zh: 待审的疑似重复实体对
// title.en: Candidate duplicate pairs, with both sides' evidence
// answers: Which pairs of entities of one label share a name or an alias, and what do the
//   articles say about each side? Review them and record a judgement with
//   `kg resolve merge A B --why …` (or leave them apart); `kg resolve candidates` ranks the
//   same pairs from an RDF file. Blocks by name and label, never every pair.
// param: label | choice:any,PartyCommittee,InspectionRound,InspectionTeam,Organization,Region,Person | "any" | "Person" | Only entities with this label, or any.
// column: name | the shared name or alias
// column: label | the most specific label of both
// column: a | one side's canonical name
// column: b | the other side's canonical name
// column: reason | why they are a candidate
// column: aEvidence | up to two sentences stating one side
// column: bEvidence | up to two sentences stating the other
// column: aUri | one side's uri (the first argument of kg resolve merge keeps it)
// column: bUri | the other side's uri
MATCH (n)
WHERE n.name IS NOT NULL AND n.uri IS NOT NULL
  AND (n:Person OR n:Organization OR n:InspectionRound OR n:Region)
  AND ($label = 'any' OR $label IN labels(n))
UNWIND [n.name] + coalesce(n.aliases, []) AS key
WITH key, head([l IN labels(n) WHERE NOT l IN ['Event', 'Organization']] + labels(n)) AS label,
     collect(DISTINCT n) AS nodes
WHERE size(nodes) > 1 AND size(nodes) <= 50
UNWIND nodes AS a
UNWIND nodes AS b
WITH key, label, a, b
WHERE a.uri < b.uri
OPTIONAL MATCH (a)-[:EVIDENCE]->(ea:Evidence)
WITH key, label, a, b, collect(DISTINCT ea.text) AS aEvidence
OPTIONAL MATCH (b)-[:EVIDENCE]->(eb:Evidence)
WITH key, label, a, b, aEvidence, collect(DISTINCT eb.text) AS bEvidence
RETURN key AS name,
       label,
       a.name AS a,
       b.name AS b,
       CASE WHEN a.name = b.name THEN 'same name' ELSE 'the name of one is an alias of the other' END AS reason,
       aEvidence[0..2] AS aEvidence,
       bEvidence[0..2] AS bEvidence,
       a.uri AS aUri,
       b.uri AS bUri
ORDER BY label, name, aUri, bUri
