(module
  (type (;0;) (func (param i64 i64 i32 i32) (result i32)))
  (type (;1;) (func (param i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i64 i32 i64 i32) (result i32 i64)))
  (type (;3;) (func (param i32 i64)))
  (type (;4;) (func (param i32 i32 i32 i32) (result i32)))
  (type (;5;) (func (param i32 i32 i32 i32 i64 i32 i64)))
  (type (;6;) (func (param f64 i32 i32 i32 i64 i32 i64) (result i32 i64)))
  (type (;7;) (func (param i32 i64 i32 i64 i32 i32) (result i32)))
  (memory (;0;) 1)
  (global (;0;) (mut i32) i32.const 880)
  (global (;1;) (mut i64) i64.const 0)
  (global (;2;) (mut i64) i64.const 0)
  (global (;3;) (mut i64) i64.const 0)
  (global (;4;) (mut i64) i64.const 0)
  (global (;5;) (mut i64) i64.const 0)
  (global (;6;) (mut i64) i64.const 0)
  (global (;7;) (mut i32) i32.const 0)
  (global (;8;) (mut i32) i32.const 0)
  (global (;9;) (mut i32) i32.const 0)
  (global (;10;) (mut i32) i32.const 0)
  (global (;11;) (mut i32) i32.const 0)
  (global (;12;) (mut i32) i32.const 0)
  (global (;13;) (mut i32) i32.const 0)
  (global (;14;) (mut i32) i32.const 0)
  (global (;15;) (mut i32) i32.const 0)
  (global (;16;) (mut i32) i32.const 0)
  (global (;17;) (mut i32) i32.const 0)
  (global (;18;) (mut i32) i32.const 0)
  (export "memory" (memory 0))
  (export "run" (func 0))
  (export "heap" (global 0))
  (export "steps" (global 1))
  (export "max_steps" (global 2))
  (export "tuples" (global 3))
  (export "pending" (global 4))
  (export "max_tuples" (global 5))
  (export "iterations" (global 6))
  (export "depth" (global 7))
  (export "max_depth" (global 8))
  (export "max_pages" (global 9))
  (export "out_ptr" (global 10))
  (export "out_len" (global 11))
  (export "out_cap" (global 12))
  (export "sym_ptr" (global 13))
  (export "sym_len" (global 14))
  (export "sym_cap" (global 15))
  (export "intern_tbl" (global 16))
  (export "intern_cap" (global 17))
  (export "site" (global 18))
  (func (;0;) (type 0) (param i64 i64 i32 i32) (result i32)
    (local i32 i64 i32 i64)
    i32.const 80
    i32.const 0
    global.get 0
    i32.const 80
    i32.sub
    memory.init 0
    data.drop 0
    local.get 0
    global.set 2
    local.get 1
    global.set 5
    local.get 2
    global.set 8
    local.get 3
    global.set 9
    i32.const 0
    i32.const 0
    i32.const 0
    i32.const 0
    call 1
    i32.const 0
    global.set 18
    i32.const 3
    i64.const 0
    local.set 5
    local.set 4
    i32.const 0
    local.get 4
    i32.store offset=80
    i32.const 0
    local.get 5
    i64.store offset=88
    i32.const 752
    i32.const 1
    i32.const 0
    i32.const 0
    call 2
    i32.const 2
    global.set 18
    i32.const 0
    i32.const 0
    i32.store offset=80
    i32.const 0
    i64.const 0
    i64.store offset=88
    i32.const 752
    i32.const 0
    i32.const 0
    i32.const 0
    call 3
    i32.const 3
    global.set 18
    i32.const 1
    i64.const 1
    local.set 7
    local.set 6
    local.get 6
    local.get 7
    i32.const 1
    i64.const 2
    i32.const 4
    call 4
    local.set 7
    local.set 6
    local.get 6
    local.get 7
    call 5
    i32.const 0
  )
  (func (;1;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32)
    i32.const 824
    global.set 13
    i32.const 1
    local.tee 5
    global.set 15
    block ;; label = @1
      loop ;; label = @2
        local.get 4
        local.get 5
        i32.ge_u
        br_if 1 (;@1;)
        local.get 4
        i32.const 8
        i32.mul
        i32.load offset=824
        local.get 4
        i32.const 8
        i32.mul
        i32.load offset=828
        i32.const 0
        i32.const 0
        call 11
        drop
        local.get 4
        i32.const 1
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
  )
  (func (;2;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32 i32 i64 i64)
    i32.const 80
    local.set 6
    local.get 0
    local.get 6
    i64.const -3750763034362895579
    local.set 7
    local.get 6
    i64.load offset=8
    local.get 6
    i64.load32_u
    i64.const -7046029254386353131
    i64.mul
    i64.add
    i64.const -49064778989728563
    i64.mul
    local.tee 8
    local.get 8
    i64.const 33
    i64.shr_u
    i64.xor
    local.get 7
    i64.xor
    i64.const 1099511628211
    i64.mul
    local.set 7
    local.get 7
    local.get 7
    i64.const 32
    i64.shr_u
    i64.xor
    i32.wrap_i64
    i32.const 0
    call 23
    local.tee 4
    i32.const 0
    i32.lt_s
    if ;; label = @1
      return
    end
    global.get 3
    global.get 4
    i64.add
    i64.const 1
    i64.add
    global.get 5
    i64.gt_u
    if ;; label = @1
      i32.const 402
      local.get 1
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call 8
      unreachable
    end
    local.get 4
    i32.const 1
    i32.add
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
  )
  (func (;3;) (type 1) (param i32 i32 i32 i32)
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
    call 6
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
    call 15
    local.get 4
    i32.const 0
    i32.const 0
    i32.const 0
    call 7
  )
  (func (;4;) (type 2) (param i32 i64 i32 i64 i32) (result i32 i64)
    (local i64)
    local.get 0
    i32.const 3
    i32.eq
    local.get 2
    i32.const 3
    i32.eq
    i32.and
    if ;; label = @1
      i32.const 3
      local.get 1
      i32.wrap_i64
      local.get 3
      i32.wrap_i64
      i32.const 0
      i32.const 0
      call 9
      i64.extend_i32_u
      return
    end
    local.get 0
    i32.const 1
    i32.eq
    local.get 2
    i32.const 1
    i32.eq
    i32.and
    if ;; label = @1
      local.get 1
      local.get 3
      i64.add
      local.set 5
      local.get 1
      local.get 5
      i64.xor
      local.get 3
      local.get 5
      i64.xor
      i64.and
      i64.const 0
      i64.lt_s
      if ;; label = @2
        i32.const 202
        local.get 4
        i32.const 9
        local.get 0
        local.get 1
        local.get 2
        local.get 3
        call 8
        unreachable
      end
      i32.const 1
      local.get 5
      return
    end
    local.get 0
    i32.const 3
    i32.eq
    local.get 2
    i32.const 3
    i32.eq
    i32.or
    if ;; label = @1
      i32.const 203
      local.get 4
      i32.const 9
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call 8
      unreachable
    end
    local.get 1
    f64.reinterpret_i64
    local.get 1
    f64.convert_i64_s
    local.get 0
    i32.const 2
    i32.eq
    select
    local.get 3
    f64.reinterpret_i64
    local.get 3
    f64.convert_i64_s
    local.get 2
    i32.const 2
    i32.eq
    select
    f64.add
    local.get 4
    i32.const 9
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call 10
    return
    unreachable
  )
  (func (;5;) (type 3) (param i32 i64)
    (local i32)
    i32.const 32
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.tee 2
    i32.const 0
    i32.store
    local.get 2
    local.get 0
    i32.store offset=16
    local.get 2
    local.get 1
    i64.store offset=24
    local.get 2
    i32.const 0
    i32.const 0
    i32.const 0
    call 7
  )
  (func (;6;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32)
    global.get 0
    local.tee 4
    local.get 0
    i32.const 15
    i32.add
    i32.const -16
    i32.and
    i32.add
    local.tee 5
    local.get 4
    i32.lt_u
    if ;; label = @1
      i32.const 405
      global.get 18
      i32.const 0
      i32.const 0
      i64.const 0
      i32.const 0
      i64.const 0
      call 8
      unreachable
    end
    local.get 5
    i64.extend_i32_u
    memory.size
    local.tee 6
    i64.extend_i32_u
    i64.const 16
    i64.shl
    i64.gt_u
    if ;; label = @1
      local.get 5
      i64.extend_i32_u
      local.get 6
      i64.extend_i32_u
      i64.const 16
      i64.shl
      i64.sub
      i64.const 65535
      i64.add
      i64.const 16
      i64.shr_u
      i32.wrap_i64
      local.set 7
      local.get 6
      local.get 7
      i32.add
      global.get 9
      i32.gt_u
      if ;; label = @2
        i32.const 405
        global.get 18
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call 8
        unreachable
      end
      local.get 6
      i32.const 1
      i32.shr_u
      local.get 7
      local.get 6
      i32.const 1
      i32.shr_u
      local.get 7
      i32.gt_u
      local.get 6
      local.get 6
      i32.const 1
      i32.shr_u
      i32.add
      global.get 9
      i32.le_u
      i32.and
      select
      memory.grow
      i32.const -1
      i32.eq
      if ;; label = @2
        local.get 7
        memory.grow
        i32.const -1
        i32.eq
        if ;; label = @3
          i32.const 405
          global.get 18
          i32.const 0
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call 8
          unreachable
        end
      end
    end
    local.get 5
    global.set 0
    local.get 4
  )
  (func (;7;) (type 1) (param i32 i32 i32 i32)
    (local i32)
    global.get 11
    global.get 12
    i32.eq
    if ;; label = @1
      global.get 12
      i32.const 1
      i32.shl
      i32.const 8
      i32.add
      global.set 12
      global.get 12
      i32.const 4
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call 6
      local.tee 4
      global.get 10
      global.get 11
      i32.const 4
      i32.mul
      memory.copy
      local.get 4
      global.set 10
    end
    global.get 10
    global.get 11
    i32.const 4
    i32.mul
    i32.add
    local.get 0
    i32.store
    global.get 11
    i32.const 1
    i32.add
    global.set 11
  )
  (func (;8;) (type 5) (param i32 i32 i32 i32 i64 i32 i64)
    i32.const 0
    local.get 0
    i32.store offset=16
    i32.const 0
    local.get 1
    i32.const 8
    i32.mul
    i32.load offset=832
    i32.store offset=20
    i32.const 0
    local.get 1
    i32.const 8
    i32.mul
    i32.load offset=836
    i32.store offset=24
    i32.const 0
    local.get 1
    i32.store offset=28
    i32.const 0
    local.get 2
    i32.store offset=32
    i32.const 0
    local.get 3
    i32.store offset=40
    i32.const 0
    local.get 4
    i64.store offset=48
    i32.const 0
    local.get 5
    i32.store offset=56
    i32.const 0
    local.get 6
    i64.store offset=64
    unreachable
  )
  (func (;9;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32)
    global.get 13
    local.get 0
    i32.const 8
    i32.mul
    i32.add
    local.tee 4
    i32.load offset=4
    local.set 5
    local.get 4
    i32.load
    local.set 4
    global.get 13
    local.get 1
    i32.const 8
    i32.mul
    i32.add
    local.tee 6
    i32.load offset=4
    local.set 7
    local.get 6
    i32.load
    local.set 6
    local.get 5
    local.get 7
    i32.add
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.tee 8
    global.get 0
    local.set 9
    local.get 4
    local.get 5
    memory.copy
    local.get 8
    local.get 5
    i32.add
    local.get 6
    local.get 7
    memory.copy
    global.get 14
    local.set 10
    local.get 8
    local.get 5
    local.get 7
    i32.add
    i32.const 0
    i32.const 0
    call 11
    local.tee 11
    local.get 10
    i32.lt_u
    global.get 0
    local.get 9
    i32.eq
    i32.and
    if ;; label = @1
      local.get 8
      global.set 0
    end
    local.get 11
  )
  (func (;10;) (type 6) (param f64 i32 i32 i32 i64 i32 i64) (result i32 i64)
    local.get 0
    local.get 0
    f64.sub
    f64.const 0x0p+0 (;=0;)
    f64.ne
    if ;; label = @1
      i32.const 205
      local.get 1
      local.get 2
      local.get 3
      local.get 4
      local.get 5
      local.get 6
      call 8
      unreachable
    end
    local.get 0
    f64.trunc
    local.get 0
    f64.eq
    local.get 0
    f64.const -0x1p+63 (;=-9223372036854776000;)
    f64.ge
    i32.and
    local.get 0
    f64.const 0x1p+63 (;=9223372036854776000;)
    f64.lt
    i32.and
    if ;; label = @1
      i32.const 1
      local.get 0
      i64.trunc_sat_f64_s
      return
    end
    i32.const 2
    local.get 0
    i64.reinterpret_f64
  )
  (func (;11;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32)
    global.get 14
    i32.const 1
    i32.add
    i32.const 1
    i32.shl
    global.get 17
    i32.gt_u
    if ;; label = @1
      i32.const 0
      i32.const 0
      i32.const 0
      i32.const 0
      call 12
    end
    local.get 0
    local.get 1
    i32.const 0
    i32.const 0
    call 13
    local.tee 4
    global.get 17
    i32.const 1
    i32.sub
    i32.and
    local.set 5
    block ;; label = @1
      loop ;; label = @2
        global.get 16
        local.get 5
        i32.const 8
        i32.mul
        i32.add
        local.tee 6
        i32.load offset=4
        local.tee 7
        i32.eqz
        br_if 1 (;@1;)
        local.get 6
        i32.load
        local.get 4
        i32.eq
        if ;; label = @3
          global.get 13
          local.get 7
          i32.const 1
          i32.sub
          i32.const 8
          i32.mul
          i32.add
          local.tee 8
          i32.load
          local.get 8
          i32.load offset=4
          local.get 0
          local.get 1
          call 14
          i32.eqz
          if ;; label = @4
            local.get 7
            i32.const 1
            i32.sub
            return
          end
        end
        local.get 5
        i32.const 1
        i32.add
        global.get 17
        i32.const 1
        i32.sub
        i32.and
        local.set 5
        br 0 (;@2;)
      end
    end
    global.get 14
    global.get 15
    i32.eq
    if ;; label = @1
      global.get 15
      i32.const 1
      i32.shl
      i32.const 16
      i32.add
      local.tee 9
      i32.const 8
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call 6
      local.tee 10
      global.get 13
      global.get 14
      i32.const 8
      i32.mul
      memory.copy
      local.get 10
      global.set 13
      local.get 9
      global.set 15
    end
    global.get 13
    global.get 14
    i32.const 8
    i32.mul
    i32.add
    local.tee 8
    local.get 0
    i32.store
    local.get 8
    local.get 1
    i32.store offset=4
    local.get 6
    local.get 4
    i32.store
    local.get 6
    global.get 14
    i32.const 1
    i32.add
    i32.store offset=4
    global.get 14
    global.get 14
    i32.const 1
    i32.add
    global.set 14
  )
  (func (;12;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
    global.get 16
    local.set 6
    global.get 17
    local.tee 7
    i32.const 1
    i32.shl
    i32.const 16
    local.get 7
    select
    local.set 4
    local.get 4
    i32.const 8
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.tee 5
    i32.const 0
    local.get 4
    i32.const 8
    i32.mul
    memory.fill
    block ;; label = @1
      loop ;; label = @2
        local.get 8
        local.get 7
        i32.ge_u
        br_if 1 (;@1;)
        local.get 6
        local.get 8
        i32.const 8
        i32.mul
        i32.add
        local.tee 9
        i32.load offset=4
        if ;; label = @3
          local.get 9
          i32.load
          local.set 10
          local.get 10
          local.get 4
          i32.const 1
          i32.sub
          i32.and
          local.set 12
          block ;; label = @4
            loop ;; label = @5
              local.get 5
              local.get 12
              i32.const 8
              i32.mul
              i32.add
              local.tee 11
              i32.load offset=4
              i32.eqz
              br_if 1 (;@4;)
              local.get 12
              i32.const 1
              i32.add
              local.get 4
              i32.const 1
              i32.sub
              i32.and
              local.set 12
              br 0 (;@5;)
            end
          end
          local.get 11
          local.get 9
          i64.load
          i64.store
        end
        local.get 8
        i32.const 1
        i32.add
        local.set 8
        br 0 (;@2;)
      end
    end
    local.get 5
    global.set 16
    local.get 4
    global.set 17
  )
  (func (;13;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i64)
    i64.const -3750763034362895579
    local.set 5
    block ;; label = @1
      loop ;; label = @2
        local.get 1
        local.get 4
        i32.sub
        i32.const 8
        i32.lt_u
        br_if 1 (;@1;)
        local.get 5
        local.get 0
        local.get 4
        i32.add
        i64.load align=1
        i64.xor
        i64.const 1099511628211
        i64.mul
        local.set 5
        local.get 4
        i32.const 8
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
    block ;; label = @1
      loop ;; label = @2
        local.get 4
        local.get 1
        i32.ge_u
        br_if 1 (;@1;)
        local.get 5
        local.get 0
        local.get 4
        i32.add
        i64.load8_u
        i64.xor
        i64.const 1099511628211
        i64.mul
        local.set 5
        local.get 4
        i32.const 1
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
    local.get 5
    local.get 5
    i64.const 33
    i64.shr_u
    i64.xor
    i64.const -49064778989728563
    i64.mul
    local.set 5
    local.get 5
    local.get 5
    i64.const 33
    i64.shr_u
    i64.xor
    i64.const -49064778989728563
    i64.mul
    local.set 5
    local.get 5
    local.get 5
    i64.const 32
    i64.shr_u
    i64.xor
    i32.wrap_i64
  )
  (func (;14;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32)
    local.get 1
    local.get 3
    local.get 1
    local.get 3
    i32.lt_u
    select
    local.set 5
    block ;; label = @1
      loop ;; label = @2
        local.get 5
        local.get 4
        i32.sub
        i32.const 8
        i32.lt_u
        br_if 1 (;@1;)
        local.get 0
        local.get 4
        i32.add
        i64.load align=1
        local.get 2
        local.get 4
        i32.add
        i64.load align=1
        i64.ne
        br_if 1 (;@1;)
        local.get 4
        i32.const 8
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
    block ;; label = @1
      loop ;; label = @2
        local.get 4
        local.get 5
        i32.ge_u
        br_if 1 (;@1;)
        local.get 0
        local.get 4
        i32.add
        i32.load8_u
        local.tee 6
        local.get 2
        local.get 4
        i32.add
        i32.load8_u
        local.tee 7
        i32.ne
        if ;; label = @3
          local.get 6
          local.get 7
          i32.gt_u
          local.get 6
          local.get 7
          i32.lt_u
          i32.sub
          return
        end
        local.get 4
        i32.const 1
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
    local.get 1
    local.get 3
    i32.gt_u
    local.get 1
    local.get 3
    i32.lt_u
    i32.sub
  )
  (func (;15;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 0
    i32.load offset=20
    local.set 4
    local.get 0
    i32.load
    local.set 5
    local.get 0
    i32.load offset=32
    local.set 6
    local.get 4
    local.set 7
    local.get 2
    if ;; label = @1
      i32.const 0
      local.set 7
      block ;; label = @2
        loop ;; label = @3
          local.get 15
          local.get 4
          i32.ge_u
          br_if 1 (;@2;)
          local.get 7
          local.get 1
          local.get 15
          i32.const 16
          i32.mul
          i32.add
          i32.load
          i32.eqz
          i32.add
          local.set 7
          local.get 15
          i32.const 1
          i32.add
          local.set 15
          br 0 (;@3;)
        end
      end
    end
    local.get 7
    i32.const 16
    i32.mul
    local.set 8
    local.get 6
    local.get 8
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.set 10
    block ;; label = @1
      loop ;; label = @2
        local.get 13
        local.get 6
        i32.ge_u
        br_if 1 (;@1;)
        local.get 5
        local.get 13
        local.get 4
        i32.mul
        i32.const 16
        i32.mul
        i32.add
        local.set 14
        i32.const 1
        local.set 17
        i32.const 0
        local.set 15
        block ;; label = @3
          loop ;; label = @4
            local.get 15
            local.get 4
            i32.ge_u
            br_if 1 (;@3;)
            local.get 1
            local.get 15
            i32.const 16
            i32.mul
            local.tee 16
            i32.add
            local.tee 19
            i32.load
            if ;; label = @5
              local.get 19
              i32.load
              local.get 14
              local.get 16
              i32.add
              i32.load
              i32.ne
              local.get 19
              i64.load offset=8
              local.get 14
              local.get 16
              i32.add
              i64.load offset=8
              i64.ne
              i32.or
              if ;; label = @6
                i32.const 0
                local.set 17
              end
            end
            local.get 15
            i32.const 1
            i32.add
            local.set 15
            br 0 (;@4;)
          end
        end
        local.get 17
        if ;; label = @3
          local.get 10
          local.get 12
          local.get 8
          i32.mul
          i32.add
          local.set 18
          local.get 2
          if ;; label = @4
            i32.const 0
            local.set 16
            i32.const 0
            local.set 15
            block ;; label = @5
              loop ;; label = @6
                local.get 15
                local.get 4
                i32.ge_u
                br_if 1 (;@5;)
                local.get 1
                local.get 15
                i32.const 16
                i32.mul
                i32.add
                i32.load
                i32.eqz
                if ;; label = @7
                  local.get 18
                  local.get 16
                  i32.const 16
                  i32.mul
                  i32.add
                  local.set 19
                  local.get 14
                  local.get 15
                  i32.const 16
                  i32.mul
                  i32.add
                  local.set 20
                  local.get 19
                  local.get 20
                  i64.load
                  i64.store
                  local.get 19
                  local.get 20
                  i64.load offset=8
                  i64.store offset=8
                  local.get 16
                  i32.const 1
                  i32.add
                  local.set 16
                end
                local.get 15
                i32.const 1
                i32.add
                local.set 15
                br 0 (;@6;)
              end
            end
          else
            i32.const 0
            local.set 16
            block ;; label = @5
              loop ;; label = @6
                local.get 8
                local.get 16
                i32.sub
                i32.const 8
                i32.lt_u
                br_if 1 (;@5;)
                local.get 18
                local.get 16
                i32.add
                local.get 14
                local.get 16
                i32.add
                i64.load
                i64.store
                local.get 16
                i32.const 8
                i32.add
                local.set 16
                br 0 (;@6;)
              end
            end
          end
          local.get 12
          i32.const 1
          i32.add
          local.set 12
        end
        local.get 13
        i32.const 1
        i32.add
        local.set 13
        br 0 (;@2;)
      end
    end
    local.get 10
    local.get 12
    local.get 7
    i32.const 0
    call 17
    i32.eqz
    if ;; label = @1
      local.get 12
      i32.const 4
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call 6
      local.set 11
      i32.const 0
      local.set 13
      block ;; label = @2
        loop ;; label = @3
          local.get 13
          local.get 12
          i32.ge_u
          br_if 1 (;@2;)
          local.get 11
          local.get 13
          i32.const 4
          i32.mul
          i32.add
          local.get 10
          local.get 13
          local.get 8
          i32.mul
          i32.add
          i32.store
          local.get 13
          i32.const 1
          i32.add
          local.set 13
          br 0 (;@3;)
        end
      end
      local.get 11
      local.get 12
      local.get 7
      i32.const 0
      call 16
      local.get 12
      local.get 8
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call 6
      local.set 9
      i32.const 0
      local.set 13
      block ;; label = @2
        loop ;; label = @3
          local.get 13
          local.get 12
          i32.ge_u
          br_if 1 (;@2;)
          local.get 9
          local.get 13
          local.get 8
          i32.mul
          i32.add
          local.get 11
          local.get 13
          i32.const 4
          i32.mul
          i32.add
          i32.load
          local.get 8
          memory.copy
          local.get 13
          i32.const 1
          i32.add
          local.set 13
          br 0 (;@3;)
        end
      end
      local.get 10
      local.get 9
      local.get 12
      local.get 8
      i32.mul
      memory.copy
    end
    local.get 10
    local.get 12
    local.get 8
    i32.mul
    i32.add
    global.set 0
    local.get 3
    local.get 12
    i32.store
    local.get 3
    local.get 10
    i32.store offset=4
  )
  (func (;16;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 0
    local.set 4
    local.get 1
    i32.const 4
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.set 5
    i32.const 1
    local.set 6
    block ;; label = @1
      loop ;; label = @2
        local.get 6
        local.get 1
        i32.ge_u
        br_if 1 (;@1;)
        local.get 6
        i32.const 1
        i32.shl
        local.set 7
        i32.const 0
        local.set 8
        block ;; label = @3
          loop ;; label = @4
            local.get 8
            local.get 1
            i32.ge_u
            br_if 1 (;@3;)
            local.get 8
            local.get 6
            i32.add
            local.get 1
            local.get 8
            local.get 6
            i32.add
            local.get 1
            i32.lt_u
            select
            local.tee 9
            local.set 12
            local.get 8
            local.get 7
            i32.add
            local.get 1
            local.get 8
            local.get 7
            i32.add
            local.get 1
            i32.lt_u
            select
            local.set 10
            local.get 8
            local.tee 11
            local.set 13
            block ;; label = @5
              loop ;; label = @6
                local.get 13
                local.get 10
                i32.ge_u
                br_if 1 (;@5;)
                local.get 11
                local.get 9
                i32.lt_u
                if (result i32) ;; label = @7
                  local.get 12
                  local.get 10
                  i32.ge_u
                  if (result i32) ;; label = @8
                    i32.const 1
                  else
                    local.get 4
                    local.get 11
                    i32.const 4
                    i32.mul
                    i32.add
                    i32.load
                    local.get 4
                    local.get 12
                    i32.const 4
                    i32.mul
                    i32.add
                    i32.load
                    local.get 2
                    i32.const 0
                    call 18
                    i32.const 0
                    i32.le_s
                  end
                else
                  i32.const 0
                end
                local.tee 14
                if ;; label = @7
                  local.get 5
                  local.get 13
                  i32.const 4
                  i32.mul
                  i32.add
                  local.get 4
                  local.get 11
                  i32.const 4
                  i32.mul
                  i32.add
                  i32.load
                  i32.store
                  local.get 11
                  i32.const 1
                  i32.add
                  local.set 11
                else
                  local.get 5
                  local.get 13
                  i32.const 4
                  i32.mul
                  i32.add
                  local.get 4
                  local.get 12
                  i32.const 4
                  i32.mul
                  i32.add
                  i32.load
                  i32.store
                  local.get 12
                  i32.const 1
                  i32.add
                  local.set 12
                end
                local.get 13
                i32.const 1
                i32.add
                local.set 13
                br 0 (;@6;)
              end
            end
            local.get 8
            local.get 7
            i32.add
            i32.const 1
            i32.sub
            local.set 8
            local.get 8
            i32.const 1
            i32.add
            local.set 8
            br 0 (;@4;)
          end
        end
        local.get 4
        local.get 5
        local.set 4
        local.set 5
        local.get 6
        i32.const 1
        i32.sub
        local.get 6
        i32.add
        local.set 6
        local.get 6
        i32.const 1
        i32.add
        local.set 6
        br 0 (;@2;)
      end
    end
    local.get 4
    local.get 0
    i32.ne
    if ;; label = @1
      local.get 0
      local.get 4
      local.get 1
      i32.const 4
      i32.mul
      memory.copy
    end
  )
  (func (;17;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64)
    local.get 1
    local.get 2
    i32.mul
    local.set 4
    local.get 2
    i32.const 8
    i32.mul
    local.set 12
    block ;; label = @1
      loop ;; label = @2
        local.get 9
        local.get 4
        i32.ge_u
        br_if 1 (;@1;)
        local.get 0
        local.get 9
        i32.const 16
        i32.mul
        i32.add
        local.set 11
        local.get 11
        i32.load
        i32.const 1
        i32.eq
        local.get 11
        i64.load offset=8
        i64.const 4611686018427387904
        i64.add
        i64.const -9223372036854775808
        i64.lt_u
        i32.and
        local.get 11
        i32.load
        i32.const 3
        i32.eq
        local.get 11
        i64.load offset=8
        i64.const 1
        i64.lt_u
        i32.and
        i32.or
        i32.eqz
        if ;; label = @3
          i32.const 0
          return
        end
        local.get 9
        i32.const 1
        i32.add
        local.set 9
        br 0 (;@2;)
      end
    end
    local.get 12
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.tee 7
    i32.const 0
    local.get 12
    memory.fill
    i32.const 32
    local.get 1
    i32.clz
    i32.sub
    local.set 20
    local.get 20
    i32.const 8
    local.get 20
    i32.const 8
    i32.gt_u
    select
    local.set 20
    local.get 20
    i32.const 16
    local.get 20
    i32.const 16
    i32.lt_u
    select
    local.set 20
    i32.const 4
    local.get 20
    i32.shl
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.set 8
    local.get 0
    local.set 5
    local.get 0
    local.get 4
    i32.const 8
    i32.mul
    i32.add
    local.set 6
    i32.const 0
    local.set 9
    block ;; label = @1
      loop ;; label = @2
        local.get 9
        local.get 4
        i32.ge_u
        br_if 1 (;@1;)
        local.get 0
        local.get 9
        i32.const 16
        i32.mul
        i32.add
        local.set 11
        local.get 11
        i64.load offset=8
        local.tee 25
        i64.const 4611686018427387904
        i64.add
        local.get 25
        i64.const -9223372036854775808
        i64.or
        local.get 11
        i32.load
        i32.const 1
        i32.eq
        select
        local.set 25
        local.get 5
        local.get 9
        i32.const 8
        i32.mul
        i32.add
        local.get 25
        i64.store
        local.get 7
        local.get 10
        i32.const 8
        i32.mul
        i32.add
        local.tee 15
        local.get 15
        i64.load
        local.get 25
        local.get 5
        local.get 10
        i32.const 8
        i32.mul
        i32.add
        i64.load
        i64.xor
        i64.or
        i64.store
        local.get 10
        i32.const 1
        i32.add
        local.tee 10
        i32.const 0
        local.get 10
        local.get 2
        i32.lt_u
        select
        local.set 10
        local.get 9
        i32.const 1
        i32.add
        local.set 9
        br 0 (;@2;)
      end
    end
    local.get 2
    local.set 10
    block ;; label = @1
      loop ;; label = @2
        local.get 10
        i32.eqz
        br_if 1 (;@1;)
        local.get 10
        i32.const 1
        i32.sub
        local.tee 10
        i32.const 8
        i32.mul
        local.get 7
        i32.add
        i64.load
        local.tee 26
        i64.ctz
        i32.wrap_i64
        local.set 21
        i32.const 64
        local.get 26
        i64.clz
        i32.wrap_i64
        i32.sub
        local.get 21
        i32.sub
        local.tee 22
        if ;; label = @3
          local.get 22
          local.get 22
          local.get 20
          i32.add
          i32.const 1
          i32.sub
          local.get 20
          i32.div_u
          local.tee 23
          i32.add
          i32.const 1
          i32.sub
          local.get 23
          i32.div_u
          local.set 23
          i32.const 1
          local.get 23
          i32.shl
          i32.const 1
          i32.sub
          local.set 24
          local.get 21
          local.set 13
          local.get 21
          local.get 22
          i32.add
          local.set 22
          block ;; label = @4
            loop ;; label = @5
              local.get 13
              local.get 22
              i32.ge_u
              br_if 1 (;@4;)
              local.get 8
              i32.const 0
              local.get 24
              i32.const 1
              i32.add
              i32.const 4
              i32.mul
              memory.fill
              local.get 5
              local.set 15
              i32.const 0
              local.set 14
              block ;; label = @6
                loop ;; label = @7
                  local.get 14
                  local.get 1
                  i32.ge_u
                  br_if 1 (;@6;)
                  local.get 15
                  local.get 10
                  i32.const 8
                  i32.mul
                  i32.add
                  i64.load
                  local.get 13
                  i64.extend_i32_u
                  i64.shr_u
                  i32.wrap_i64
                  local.get 24
                  i32.and
                  i32.const 4
                  i32.mul
                  local.get 8
                  i32.add
                  local.tee 16
                  local.get 16
                  i32.load
                  i32.const 1
                  i32.add
                  i32.store
                  local.get 15
                  local.get 12
                  i32.add
                  local.set 15
                  local.get 14
                  i32.const 1
                  i32.add
                  local.set 14
                  br 0 (;@7;)
                end
              end
              i32.const 0
              local.set 19
              i32.const 0
              local.set 14
              local.get 24
              i32.const 1
              i32.add
              local.set 18
              block ;; label = @6
                loop ;; label = @7
                  local.get 14
                  local.get 18
                  i32.ge_u
                  br_if 1 (;@6;)
                  local.get 8
                  local.get 14
                  i32.const 4
                  i32.mul
                  i32.add
                  local.tee 16
                  i32.load
                  local.get 16
                  local.get 19
                  i32.store
                  local.get 19
                  i32.add
                  local.set 19
                  local.get 14
                  i32.const 1
                  i32.add
                  local.set 14
                  br 0 (;@7;)
                end
              end
              local.get 5
              local.set 15
              i32.const 0
              local.set 14
              block ;; label = @6
                loop ;; label = @7
                  local.get 14
                  local.get 1
                  i32.ge_u
                  br_if 1 (;@6;)
                  local.get 15
                  local.get 10
                  i32.const 8
                  i32.mul
                  i32.add
                  i64.load
                  local.get 13
                  i64.extend_i32_u
                  i64.shr_u
                  i32.wrap_i64
                  local.get 24
                  i32.and
                  i32.const 4
                  i32.mul
                  local.get 8
                  i32.add
                  local.tee 16
                  i32.load
                  local.tee 18
                  i32.const 1
                  i32.add
                  local.set 19
                  local.get 16
                  local.get 19
                  i32.store
                  local.get 6
                  local.get 18
                  local.get 12
                  i32.mul
                  i32.add
                  local.set 16
                  i32.const 0
                  local.set 17
                  block ;; label = @8
                    loop ;; label = @9
                      local.get 17
                      local.get 2
                      i32.ge_u
                      br_if 1 (;@8;)
                      local.get 16
                      local.get 17
                      i32.const 8
                      i32.mul
                      local.tee 18
                      i32.add
                      local.get 15
                      local.get 18
                      i32.add
                      i64.load
                      i64.store
                      local.get 17
                      i32.const 1
                      i32.add
                      local.set 17
                      br 0 (;@9;)
                    end
                  end
                  local.get 15
                  local.get 12
                  i32.add
                  local.set 15
                  local.get 14
                  i32.const 1
                  i32.add
                  local.set 14
                  br 0 (;@7;)
                end
              end
              local.get 5
              local.get 6
              local.set 5
              local.set 6
              local.get 13
              local.get 23
              i32.add
              local.set 13
              br 0 (;@5;)
            end
          end
        end
        br 0 (;@2;)
      end
    end
    local.get 5
    local.get 0
    i32.ne
    local.set 15
    i32.const 0
    local.set 9
    block ;; label = @1
      loop ;; label = @2
        local.get 9
        local.get 4
        i32.ge_u
        br_if 1 (;@1;)
        local.get 9
        local.get 4
        i32.const 1
        i32.sub
        local.get 9
        i32.sub
        local.get 15
        select
        local.set 14
        local.get 5
        local.get 14
        i32.const 8
        i32.mul
        i32.add
        i64.load
        local.set 25
        local.get 0
        local.get 14
        i32.const 16
        i32.mul
        i32.add
        local.set 11
        local.get 11
        i64.const 1
        i64.const 3
        local.get 25
        i64.const 0
        i64.ge_s
        select
        i64.store
        local.get 11
        local.get 25
        i64.const 4611686018427387904
        i64.sub
        local.get 25
        i64.const 9223372036854775807
        i64.and
        local.get 25
        i64.const 0
        i64.ge_s
        select
        i64.store offset=8
        local.get 9
        i32.const 1
        i32.add
        local.set 9
        br 0 (;@2;)
      end
    end
    i32.const 1
  )
  (func (;18;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32)
    block ;; label = @1
      loop ;; label = @2
        local.get 4
        local.get 2
        i32.ge_u
        br_if 1 (;@1;)
        local.get 4
        i32.const 16
        i32.mul
        local.set 6
        local.get 0
        local.get 6
        i32.add
        i32.load
        local.get 0
        local.get 6
        i32.add
        i64.load offset=8
        local.get 1
        local.get 6
        i32.add
        i32.load
        local.get 1
        local.get 6
        i32.add
        i64.load offset=8
        i32.const 0
        i32.const 0
        call 19
        local.tee 5
        if ;; label = @3
          local.get 5
          return
        end
        local.get 4
        i32.const 1
        i32.add
        local.set 4
        br 0 (;@2;)
      end
    end
    i32.const 0
  )
  (func (;19;) (type 7) (param i32 i64 i32 i64 i32 i32) (result i32)
    local.get 0
    i32.const 3
    i32.eq
    if ;; label = @1
      local.get 2
      i32.const 3
      i32.ne
      if ;; label = @2
        i32.const 1
        return
      end
      local.get 1
      i64.const 1
      i64.lt_u
      if ;; label = @2
        local.get 3
        i64.const 1
        i64.lt_u
        if ;; label = @3
          local.get 1
          local.get 3
          i64.gt_u
          local.get 1
          local.get 3
          i64.lt_u
          i32.sub
          return
        end
        i32.const -1
        return
      end
      local.get 3
      i64.const 1
      i64.lt_u
      if ;; label = @2
        i32.const 1
        return
      end
      local.get 1
      i32.wrap_i64
      local.get 3
      i32.wrap_i64
      i32.const 0
      i32.const 0
      call 20
      return
    end
    local.get 2
    i32.const 3
    i32.eq
    if ;; label = @1
      i32.const -1
      return
    end
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    i32.const 0
    i32.const 0
    call 21
  )
  (func (;20;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32)
    global.get 13
    local.get 0
    i32.const 8
    i32.mul
    i32.add
    local.tee 4
    i32.load offset=4
    local.set 5
    local.get 4
    i32.load
    local.set 4
    global.get 13
    local.get 1
    i32.const 8
    i32.mul
    i32.add
    local.tee 6
    i32.load offset=4
    local.set 7
    local.get 6
    i32.load
    local.set 6
    local.get 4
    local.get 5
    local.get 6
    local.get 7
    call 14
  )
  (func (;21;) (type 7) (param i32 i64 i32 i64 i32 i32) (result i32)
    local.get 0
    i32.const 1
    i32.eq
    if ;; label = @1
      local.get 2
      i32.const 1
      i32.eq
      if ;; label = @2
        local.get 1
        local.get 3
        i64.gt_s
        local.get 1
        local.get 3
        i64.lt_s
        i32.sub
        return
      end
      i32.const 0
      local.get 1
      i32.const 0
      local.get 3
      i32.const 0
      i32.const 0
      call 22
      return
    end
    local.get 2
    i32.const 1
    i32.eq
    if ;; label = @1
      i32.const 0
      i32.const 0
      local.get 3
      i32.const 0
      local.get 1
      i32.const 0
      i32.const 0
      call 22
      i32.sub
      return
    end
    local.get 1
    f64.reinterpret_i64
    local.get 3
    f64.reinterpret_i64
    f64.gt
    local.get 1
    f64.reinterpret_i64
    local.get 3
    f64.reinterpret_i64
    f64.lt
    i32.sub
  )
  (func (;22;) (type 7) (param i32 i64 i32 i64 i32 i32) (result i32)
    (local f64 f64 i64 f64)
    local.get 3
    f64.reinterpret_i64
    local.set 6
    local.get 6
    f64.const 0x1p+63 (;=9223372036854776000;)
    f64.ge
    if ;; label = @1
      i32.const -1
      return
    end
    local.get 6
    f64.const -0x1p+63 (;=-9223372036854776000;)
    f64.lt
    if ;; label = @1
      i32.const 1
      return
    end
    local.get 6
    f64.trunc
    local.tee 7
    i64.trunc_sat_f64_s
    local.set 8
    local.get 6
    local.get 7
    f64.sub
    local.set 9
    local.get 1
    local.get 8
    i64.ne
    if ;; label = @1
      local.get 1
      local.get 8
      i64.gt_s
      local.get 1
      local.get 8
      i64.lt_s
      i32.sub
      return
    end
    local.get 9
    f64.const 0x0p+0 (;=0;)
    f64.lt
    local.get 9
    f64.const 0x0p+0 (;=0;)
    f64.gt
    i32.sub
  )
  (func (;23;) (type 4) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32)
    i32.const 16
    local.set 4
    local.get 0
    i32.load offset=4
    i32.const 1
    i32.add
    i32.const 1
    i32.shl
    local.get 0
    i32.load offset=16
    i32.gt_u
    if ;; label = @1
      local.get 0
      i32.const 0
      i32.const 0
      i32.const 0
      call 24
    end
    local.get 0
    i32.load offset=16
    i32.const 1
    i32.sub
    local.set 11
    local.get 2
    local.get 11
    i32.and
    local.set 5
    block ;; label = @1
      loop ;; label = @2
        local.get 0
        i32.load offset=12
        local.get 5
        i32.const 8
        i32.mul
        i32.add
        local.tee 6
        i32.load offset=4
        local.tee 7
        i32.eqz
        br_if 1 (;@1;)
        local.get 6
        i32.load
        local.get 2
        i32.eq
        if ;; label = @3
          local.get 0
          i32.load
          local.get 7
          i32.const 1
          i32.sub
          local.get 4
          i32.mul
          i32.add
          local.set 10
          i32.const 0
          local.get 10
          i32.load
          local.get 1
          i32.load
          i32.ne
          local.get 10
          i64.load offset=8
          local.get 1
          i64.load offset=8
          i64.ne
          i32.or
          i32.or
          i32.eqz
          if ;; label = @4
            i32.const -1
            return
          end
        end
        local.get 5
        i32.const 1
        i32.add
        local.get 11
        i32.and
        local.set 5
        br 0 (;@2;)
      end
    end
    local.get 0
    i32.load offset=4
    local.set 8
    local.get 0
    i32.load offset=8
    local.tee 9
    local.get 8
    i32.eq
    if ;; label = @1
      local.get 9
      i32.const 1
      i32.shl
      i32.const 8
      i32.add
      local.tee 9
      local.get 4
      i32.mul
      i32.const 0
      i32.const 0
      i32.const 0
      call 6
      local.tee 10
      local.get 0
      i32.load
      local.get 8
      local.get 4
      i32.mul
      memory.copy
      local.get 0
      local.get 10
      i32.store
      local.get 0
      local.get 9
      i32.store offset=8
    end
    local.get 0
    i32.load
    local.get 8
    local.get 4
    i32.mul
    i32.add
    local.set 10
    i32.const 0
    local.set 9
    block ;; label = @1
      loop ;; label = @2
        local.get 4
        local.get 9
        i32.sub
        i32.const 8
        i32.lt_u
        br_if 1 (;@1;)
        local.get 10
        local.get 9
        i32.add
        local.get 1
        local.get 9
        i32.add
        i64.load
        i64.store
        local.get 9
        i32.const 8
        i32.add
        local.set 9
        br 0 (;@2;)
      end
    end
    local.get 6
    local.get 2
    i32.store
    local.get 6
    local.get 8
    i32.const 1
    i32.add
    i32.store offset=4
    local.get 0
    local.get 8
    i32.const 1
    i32.add
    i32.store offset=4
    local.get 8
  )
  (func (;24;) (type 1) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
    local.get 0
    i32.load offset=12
    local.set 7
    local.get 0
    i32.load offset=16
    local.tee 5
    i32.const 1
    i32.shl
    i32.const 16
    local.get 5
    select
    local.set 4
    local.get 4
    i32.const 8
    i32.mul
    i32.const 0
    i32.const 0
    i32.const 0
    call 6
    local.tee 6
    i32.const 0
    local.get 4
    i32.const 8
    i32.mul
    memory.fill
    block ;; label = @1
      loop ;; label = @2
        local.get 8
        local.get 5
        i32.ge_u
        br_if 1 (;@1;)
        local.get 7
        local.get 8
        i32.const 8
        i32.mul
        i32.add
        local.tee 9
        i32.load offset=4
        if ;; label = @3
          local.get 9
          i32.load
          local.set 10
          local.get 10
          local.get 4
          i32.const 1
          i32.sub
          i32.and
          local.set 12
          block ;; label = @4
            loop ;; label = @5
              local.get 6
              local.get 12
              i32.const 8
              i32.mul
              i32.add
              local.tee 11
              i32.load offset=4
              i32.eqz
              br_if 1 (;@4;)
              local.get 12
              i32.const 1
              i32.add
              local.get 4
              i32.const 1
              i32.sub
              i32.and
              local.set 12
              br 0 (;@5;)
            end
          end
          local.get 11
          local.get 9
          i64.load
          i64.store
        end
        local.get 8
        i32.const 1
        i32.add
        local.set 8
        br 0 (;@2;)
      end
    end
    local.get 0
    local.get 6
    i32.store offset=12
    local.get 0
    local.get 4
    i32.store offset=16
  )
  (data (;0;) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00a\00\00\00\00\00\00\000\03\00\00\01\00\00\00\06\00\00\00\0e\00\00\00\06\00\00\00\0e\00\00\00\0f\00\00\00\18\00\00\00\19\00\00\00%\00\00\00\22\00\00\00#\00\00\00\00\00\00\00\00\00\00\00")
)
