;; `set_dense`: gives a set of dense Ints a bitmap.
;;! target long-run
;;! function set_dense
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $set_dense (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i64 i64 i64 i64 i64 i64 i64 i64 i64 i32 i32)
  local.get 0
  i32.load
  local.set 4
  local.get 0
  i32.load offset=4
  local.set 5
  local.get 0
  i32.load offset=20
  local.set 6
  local.get 6
  i32.const 16
  i32.mul
  local.set 9
  i64.const 9223372036854775807
  local.set 11
  i64.const -9223372036854775808
  local.set 13
  i64.const 0
  local.set 12
  i64.const 0
  local.set 14
  local.get 6
  i32.const 2
  i32.eq
  if ;; label = @1
    i64.const 9223372036854775807
    local.set 12
    i64.const -9223372036854775808
    local.set 14
  end
  i32.const 0
  local.set 7
  block ;; label = @1
    loop ;; label = @2
      local.get 7
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      local.get 7
      local.get 9
      i32.mul
      i32.add
      local.set 8
      local.get 8
      i32.load
      i32.const 1
      i32.ne
      if ;; label = @3
        return
      end
      local.get 8
      i64.load offset=8
      local.tee 15
      local.get 11
      local.get 15
      local.get 11
      i64.lt_s
      select
      local.set 11
      local.get 15
      local.get 13
      local.get 15
      local.get 13
      i64.gt_s
      select
      local.set 13
      local.get 6
      i32.const 2
      i32.eq
      if ;; label = @3
        local.get 8
        i32.load offset=16
        i32.const 1
        i32.ne
        if ;; label = @4
          return
        end
        local.get 8
        i64.load offset=24
        local.tee 15
        local.get 12
        local.get 15
        local.get 12
        i64.lt_s
        select
        local.set 12
        local.get 15
        local.get 14
        local.get 15
        local.get 14
        i64.gt_s
        select
        local.set 14
      end
      local.get 7
      i32.const 1
      i32.add
      local.set 7
      br 0 (;@2;)
    end
  end
  local.get 14
  local.get 12
  i64.sub
  local.tee 15
  i64.const 4294967296
  i64.ge_u
  if ;; label = @1
    return
  end
  i64.const 64
  local.get 15
  i64.clz
  i64.sub
  local.set 17
  local.get 13
  local.get 11
  i64.sub
  local.tee 15
  i64.const 2147483648
  i64.ge_u
  if ;; label = @1
    return
  end
  local.get 15
  i64.const 1
  i64.add
  local.tee 16
  local.get 17
  i64.shl
  local.get 5
  i64.extend_i32_u
  i64.const 6
  i64.shl
  i64.gt_u
  if ;; label = @1
    return
  end
  local.get 16
  local.get 17
  i64.shl
  i64.const 63
  i64.add
  i64.const 6
  i64.shr_u
  i32.wrap_i64
  local.set 21
  local.get 21
  i32.const 8
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 20
  i32.const 0
  local.get 21
  i32.const 8
  i32.mul
  memory.fill
  i32.const 0
  local.set 7
  block ;; label = @1
    loop ;; label = @2
      local.get 7
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      local.get 7
      local.get 9
      i32.mul
      i32.add
      local.set 8
      local.get 8
      i64.load offset=8
      local.get 11
      i64.sub
      local.get 17
      i64.shl
      local.set 18
      local.get 6
      i32.const 2
      i32.eq
      if ;; label = @3
        local.get 18
        local.get 8
        i64.load offset=24
        local.get 12
        i64.sub
        i64.or
        local.set 18
      end
      local.get 20
      local.get 18
      i64.const 6
      i64.shr_u
      i32.wrap_i64
      i32.const 3
      i32.shl
      i32.add
      local.set 10
      i64.const 1
      local.get 18
      i64.shl
      local.set 19
      local.get 10
      local.get 10
      i64.load
      local.get 19
      i64.or
      i64.store
      local.get 7
      i32.const 1
      i32.add
      local.set 7
      br 0 (;@2;)
    end
  end
  local.get 0
  local.get 11
  i64.store offset=40
  local.get 0
  local.get 12
  i64.store offset=48
  local.get 0
  local.get 16
  i32.wrap_i64
  i32.store offset=36
  local.get 0
  local.get 17
  i32.wrap_i64
  i32.store offset=56
  local.get 0
  local.get 20
  i32.store offset=60
)
