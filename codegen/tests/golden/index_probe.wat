;; `index_probe:0`: a key's entry in index 0, hash and comparison unrolled.
;;! function index_probe:0
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $index_probe:0 (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i64 i64 i32 i64 i64 i32 i32)
  i32.const 1408
  local.tee 4
  i32.load offset=12
  i32.eqz
  if ;; label = @1
    i32.const 0
    return
  end
  i32.const 1344
  i32.load
  local.set 5
  local.get 4
  i32.load offset=28
  if ;; label = @1
    local.get 0
    i32.load
    i32.const 1
    i32.ne
    if ;; label = @2
      i32.const 0
      return
    end
    local.get 0
    i64.load offset=8
    local.set 10
    local.get 10
    local.get 4
    i64.load offset=32
    i64.sub
    local.tee 11
    local.get 4
    i32.load offset=12
    i64.extend_i32_u
    i64.lt_u
    i32.eqz
    if ;; label = @2
      i32.const 0
      return
    end
    local.get 4
    i32.load offset=8
    local.get 11
    i32.wrap_i64
    i32.const 16
    i32.mul
    i32.add
    local.tee 12
    i32.const 0
    local.get 12
    i32.load offset=4
    select
    return
  end
  i64.const -3750763034362895579
  local.set 13
  local.get 0
  i64.load offset=8
  local.get 0
  i64.load32_u
  i64.const -7046029254386353131
  i64.mul
  i64.add
  i64.const -49064778989728563
  i64.mul
  local.tee 14
  local.get 14
  i64.const 33
  i64.shr_u
  i64.xor
  local.get 13
  i64.xor
  i64.const 1099511628211
  i64.mul
  local.set 13
  local.get 13
  local.get 13
  i64.const 32
  i64.shr_u
  i64.xor
  i32.wrap_i64
  local.set 6
  local.get 4
  i32.load offset=12
  i32.const 1
  i32.sub
  local.tee 16
  local.get 6
  i32.and
  local.set 15
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      i32.load offset=8
      local.get 15
      i32.const 16
      i32.mul
      i32.add
      local.tee 7
      i32.load offset=4
      local.tee 8
      i32.eqz
      br_if 1 (;@1;)
      local.get 7
      i32.load
      local.get 6
      i32.eq
      if ;; label = @3
        local.get 5
        local.get 8
        i32.load
        i32.const 32
        i32.mul
        i32.add
        local.set 9
        i32.const 0
        local.get 9
        i32.load
        local.get 0
        i32.load
        i32.ne
        local.get 9
        i64.load offset=8
        local.get 0
        i64.load offset=8
        i64.ne
        i32.or
        i32.or
        i32.eqz
        br_if 2 (;@1;)
      end
      local.get 15
      i32.const 1
      i32.add
      local.get 16
      i32.and
      local.set 15
      br 0 (;@2;)
    end
  end
  local.get 7
  i32.const 0
  local.get 8
  select
)
