;; `hash`: the hash of n values, by a column list or contiguous.
;;! function hash
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $hash (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i64 i64)
  i64.const -3750763034362895579
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 1
      local.get 4
      i32.const 4
      i32.mul
      i32.add
      i32.load
      local.get 4
      local.get 1
      select
      i32.const 16
      i32.mul
      i32.add
      local.set 5
      local.get 5
      i64.load offset=8
      local.get 5
      i64.load32_u
      i64.const -7046029254386353131
      i64.mul
      i64.add
      i64.const -49064778989728563
      i64.mul
      local.tee 7
      local.get 7
      i64.const 33
      i64.shr_u
      i64.xor
      local.get 6
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 6
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  local.get 6
  local.get 6
  i64.const 32
  i64.shr_u
  i64.xor
  i32.wrap_i64
)
