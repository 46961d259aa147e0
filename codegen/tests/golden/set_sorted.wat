;; `set_sorted`: an answer of every row read off the set's bitmap.
;;! target long-run
;;! function set_sorted
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $set_sorted (param i32 i32 i32 i32) (result i32)
  (local i64 i64 i64 i64 i32 i32 i32 i32 i32 i64 i32 i32 i64 i64 i64)
  local.get 0
  i32.load offset=60
  local.tee 8
  i32.eqz
  local.get 2
  local.get 0
  i32.load offset=4
  i32.ne
  i32.or
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 0
  i32.load offset=20
  local.set 11
  local.get 0
  i32.load offset=36
  i64.extend_i32_u
  local.set 6
  local.get 0
  i32.load offset=56
  i64.extend_i32_u
  local.set 7
  local.get 0
  i64.load offset=40
  local.set 4
  local.get 0
  i64.load offset=48
  local.set 5
  local.get 6
  local.get 7
  i64.shl
  i64.const 63
  i64.add
  i64.const 6
  i64.shr_u
  i32.wrap_i64
  local.set 9
  block ;; label = @1
    loop ;; label = @2
      local.get 10
      local.get 9
      i32.ge_u
      br_if 1 (;@1;)
      local.get 13
      local.get 8
      local.get 10
      i32.const 3
      i32.shl
      i32.add
      i64.load
      i64.popcnt
      i64.add
      local.set 13
      local.get 10
      i32.const 1
      i32.add
      local.set 10
      br 0 (;@2;)
    end
  end
  local.get 13
  local.get 2
  i64.extend_i32_u
  i64.ne
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 1
  local.set 12
  i64.const 1
  local.get 7
  i64.shl
  i64.const 1
  i64.sub
  local.set 18
  block ;; label = @1
    loop ;; label = @2
      local.get 14
      local.get 9
      i32.ge_u
      br_if 1 (;@1;)
      local.get 8
      local.get 14
      i32.const 3
      i32.shl
      i32.add
      local.tee 15
      i64.load
      local.set 16
      block ;; label = @3
        loop ;; label = @4
          local.get 16
          i64.eqz
          br_if 1 (;@3;)
          local.get 14
          i64.extend_i32_u
          i64.const 6
          i64.shl
          local.get 16
          i64.ctz
          i64.or
          local.set 17
          local.get 16
          local.get 16
          i64.const 1
          i64.sub
          i64.and
          local.set 16
          local.get 12
          i64.const 1
          i64.store
          local.get 12
          local.get 17
          local.get 7
          i64.shr_u
          local.get 4
          i64.add
          i64.store offset=8
          local.get 11
          i32.const 2
          i32.eq
          if ;; label = @5
            local.get 12
            i64.const 1
            i64.store offset=16
            local.get 12
            local.get 17
            local.get 18
            i64.and
            local.get 5
            i64.add
            i64.store offset=24
          end
          local.get 12
          local.get 11
          i32.const 16
          i32.mul
          i32.add
          local.set 12
          br 0 (;@4;)
        end
      end
      local.get 14
      i32.const 1
      i32.add
      local.set 14
      br 0 (;@2;)
    end
  end
  i32.const 1
)
