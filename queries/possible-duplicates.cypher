// name: possible-duplicates
// title.zh: 疑似重复实体（同名不同标识）
// title.en: Possible duplicates: one name, several uris
// answers: Which names (canonical names or aliases) are carried by more than one entity?
//   Candidates for review: a body named in full in one article and by a short form in
//   another, an unresolved 省委, a person with a common name...
// param: label | choice:any,PartyCommittee,InspectionRound,InspectionTeam,Organization,Region,Person,Position,Document | "any" | "InspectionTeam" | Only entities with this label, or any.
// column: name | the shared name or alias
// column: count | how many entities carry it
// column: entities | their canonical names
// column: labels | their most specific labels
// column: uris | their uris
MATCH (n)
WHERE n.name IS NOT NULL AND n.uri IS NOT NULL
  AND NOT (n:Article OR n:Evidence OR n:Statistic OR n:Inspection OR n:Event)
  AND ($label = 'any' OR $label IN labels(n))
UNWIND [n.name] + coalesce(n.aliases, []) AS key
WITH key, collect(DISTINCT n) AS nodes
WHERE size(nodes) > 1
RETURN key AS name,
       size(nodes) AS count,
       [x IN nodes | x.name] AS entities,
       [x IN nodes | head([l IN labels(x) WHERE NOT l IN ['Event', 'Organization']] + labels(x))] AS labels,
       [x IN nodes | x.uri] AS uris
ORDER BY count DESC, name
