;; `merge`: a relation's pending tuples become its delta.
;;! function merge
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $merge (param i32 i32 i32 i32) (result i32)
  (local i32 i32)
  local.get 0
  i32.load offset=32
  local.set 4
  local.get 0
  i32.load offset=4
  local.set 5
  local.get 0
  local.get 5
  i32.store offset=32
  global.get 3
  local.get 5
  local.get 4
  i32.sub
  i64.extend_i32_u
  i64.add
  global.set 3
  local.get 0
  local.get 4
  i32.store offset=24
  local.get 0
  local.get 5
  i32.store offset=28
  local.get 4
  local.get 5
  i32.ne
)
