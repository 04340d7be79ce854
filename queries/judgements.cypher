// name: judgements
// title.zh: 人工判定的结果（合并、拆分）
// title.en: What analysts' judgements did: merged and split entities
// answers: Which entities carry the uris of entities merged into them (`kg resolve merge`;
//   an old uri still finds its node through `uris`), and which were split into one node per
//   article (`kg resolve split`)? The judgements themselves are in the judgements file
//   (`kg resolve list`).
// param: label | choice:any,PartyCommittee,InspectionRound,InspectionTeam,Organization,Region,Person | "any" | "Person" | Only entities with this label, or any.
// column: entity | the entity's canonical name
// column: label | its most specific label
// column: judgement | merged or split
// column: mergedUris | the uris merged into it
// column: uri | its uri
MATCH (n)
WHERE n.uri IS NOT NULL AND (n.uris IS NOT NULL OR n.uri CONTAINS '~')
  AND ($label = 'any' OR $label IN labels(n))
RETURN n.name AS entity,
       head([l IN labels(n) WHERE NOT l IN ['Event', 'Organization']] + labels(n)) AS label,
       CASE WHEN n.uris IS NOT NULL THEN 'merged' ELSE 'split' END AS judgement,
       coalesce(n.uris, []) AS mergedUris,
       n.uri AS uri
ORDER BY label, entity, uri
