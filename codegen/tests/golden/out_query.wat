;; `out_query`: a QUERY record and its answer.
;;! function out_query
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $out_query (param i32 i32 i32 i32)
  (local i32 i32 i32 i32)
  local.get 0
  i32.load offset=20
  local.tee 5
  i32.const 16
  i32.mul
  i32.const 32
  i32.add
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 4
  i32.const 32
  i32.add
  i32.const 80
  local.get 5
  i32.const 16
  i32.mul
  memory.copy
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 7
      i32.const 80
      local.get 6
      i32.const 16
      i32.mul
      i32.add
      i32.load
      i32.eqz
      i32.add
      local.set 7
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 4
  i32.const 1
  i32.store
  local.get 4
  local.get 1
  i32.store offset=4
  local.get 4
  local.get 5
  i32.store offset=8
  local.get 4
  local.get 7
  i32.store offset=12
  local.get 0
  local.get 4
  i32.const 32
  i32.add
  i32.const 1
  local.get 4
  i32.const 16
  i32.add
  call $snapshot
  local.get 4
  i32.const 0
  i32.const 0
  i32.const 0
  call $out_push
)
