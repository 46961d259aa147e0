;; `settle`: every delta emptied before a stratum.
;;! function settle
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $settle (param i32 i32 i32 i32)
  i32.const 1280
  i32.const 1280
  i32.load offset=4
  i32.store offset=24
  i32.const 1280
  i32.const 1280
  i32.load offset=4
  i32.store offset=28
  i32.const 1344
  i32.const 1344
  i32.load offset=4
  i32.store offset=24
  i32.const 1344
  i32.const 1344
  i32.load offset=4
  i32.store offset=28
)
