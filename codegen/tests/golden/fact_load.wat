;; `fact_load/2`: a run of distinct constant FACTs (eight, the fewest loaded at once) into
;; an empty set, its rows copied from the fact table at once and filed in the set's table
;; in row order.
;;! function fact_load/2
;;! | REL e
;;! | FACT e 1 2
;;! | FACT e 2 3
;;! | FACT e 3 4
;;! | FACT e 4 5
;;! | FACT e 5 6
;;! | FACT e 6 7
;;! | FACT e 7 8
;;! | FACT e 8 9
;;! | QUERY e ? ?
(func $fact_load/2 (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i64 i64 i32)
  local.get 0
  i32.load offset=4
  if ;; label = @1
    i32.const 0
    return
  end
  global.get 3
  global.get 4
  i64.add
  local.get 2
  i64.extend_i32_u
  i64.add
  global.get 5
  i64.gt_u
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 0
  i32.load
  local.tee 5
  local.get 1
  local.get 2
  i32.const 32
  i32.mul
  memory.init 1
  local.get 0
  i32.load offset=12
  local.set 6
  local.get 0
  i32.load offset=16
  local.set 7
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      i64.const -3750763034362895579
      local.set 11
      local.get 5
      i64.load offset=8
      local.get 5
      i64.load32_u
      i64.const -7046029254386353131
      i64.mul
      i64.add
      i64.const -49064778989728563
      i64.mul
      local.tee 12
      local.get 12
      i64.const 33
      i64.shr_u
      i64.xor
      local.get 11
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 11
      local.get 5
      i64.load offset=24
      local.get 5
      i64.load32_u offset=16
      i64.const -7046029254386353131
      i64.mul
      i64.add
      i64.const -49064778989728563
      i64.mul
      local.tee 12
      local.get 12
      i64.const 33
      i64.shr_u
      i64.xor
      local.get 11
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 11
      local.get 11
      local.get 11
      i64.const 32
      i64.shr_u
      i64.xor
      i32.wrap_i64
      local.set 9
      local.get 9
      local.get 7
      i32.const 1
      i32.sub
      i32.and
      local.set 13
      block ;; label = @3
        loop ;; label = @4
          local.get 6
          local.get 13
          i32.const 8
          i32.mul
          i32.add
          local.tee 8
          i32.load offset=4
          i32.eqz
          br_if 1 (;@3;)
          local.get 13
          i32.const 1
          i32.add
          local.get 7
          i32.const 1
          i32.sub
          i32.and
          local.set 13
          br 0 (;@4;)
        end
      end
      local.get 8
      local.get 9
      i32.store
      local.get 8
      local.get 4
      i32.const 1
      i32.add
      i32.store offset=4
      local.get 5
      i32.const 32
      i32.add
      local.set 5
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  local.get 0
  local.get 2
  i32.store offset=4
  local.get 0
  local.get 2
  i32.store offset=32
  global.get 3
  local.get 2
  local.get 10
  i32.sub
  i64.extend_i32_u
  i64.add
  global.set 3
  i32.const 1
)
