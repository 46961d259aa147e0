(module
  (type (;0;) (func (param i64 i64 i32 i32) (result i32)))
  (type (;1;) (func (param i32 i64 i32 i64 i32) (result i32 i64)))
  (type (;2;) (func (param i32 i32 i32 i32) (result i32)))
  (type (;3;) (func (param i32 i32 i32 i32)))
  (type (;4;) (func (param i32 i32 i32 i32 i64 i32 i64)))
  (type (;5;) (func (param f64 i32 i32 i32 i64 i32 i64) (result i32 i64)))
  (type (;6;) (func (param i32 i64 i32 i64 i32 i32) (result i32)))
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
    (local i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i32 i64 i32 i32 i32 i64 i32)
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
    i32.const 0
    local.set 12
    i32.const 0
    local.set 13
    local.set 11
    local.set 10
    local.set 9
    local.set 8
    block ;; label = @1
      i32.const 824
      global.set 13
      i32.const 1
      local.tee 13
      global.set 15
      block ;; label = @2
        loop ;; label = @3
          local.get 12
          local.get 13
          i32.ge_u
          br_if 1 (;@2;)
          local.get 12
          i32.const 8
          i32.mul
          i32.load offset=824
          local.get 12
          i32.const 8
          i32.mul
          i32.load offset=828
          i32.const 0
          i32.const 0
          call 6
          drop
          local.get 12
          i32.const 1
          i32.add
          local.set 12
          br 0 (;@3;)
        end
      end
    end
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
    i32.const 0
    local.set 18
    i32.const 0
    local.set 19
    i32.const 0
    local.set 20
    i64.const 0
    local.set 21
    i64.const 0
    local.set 22
    local.set 17
    local.set 16
    local.set 15
    local.set 14
    block ;; label = @1
      i32.const 80
      local.set 20
      local.get 14
      local.get 20
      i64.const -3750763034362895579
      local.set 21
      local.get 20
      i64.load offset=8
      local.get 20
      i64.load32_u
      i64.const -7046029254386353131
      i64.mul
      i64.add
      i64.const -49064778989728563
      i64.mul
      local.tee 22
      local.get 22
      i64.const 33
      i64.shr_u
      i64.xor
      local.get 21
      i64.xor
      i64.const 1099511628211
      i64.mul
      local.set 21
      local.get 21
      local.get 21
      i64.const 32
      i64.shr_u
      i64.xor
      i32.wrap_i64
      i32.const 0
      i32.const 0
      local.set 27
      i32.const 0
      local.set 28
      i32.const 0
      local.set 29
      i32.const 0
      local.set 30
      i32.const 0
      local.set 31
      i32.const 0
      local.set 32
      i32.const 0
      local.set 33
      i32.const 0
      local.set 34
      i32.const 0
      local.set 35
      local.set 26
      local.set 25
      local.set 24
      local.set 23
      block (result i32) ;; label = @2
        i32.const 16
        local.set 27
        local.get 23
        i32.load offset=4
        i32.const 1
        i32.add
        i32.const 1
        i32.shl
        local.get 23
        i32.load offset=16
        i32.gt_u
        if ;; label = @3
          local.get 23
          i32.const 0
          i32.const 0
          i32.const 0
          i32.const 0
          local.set 40
          i32.const 0
          local.set 41
          i32.const 0
          local.set 42
          i32.const 0
          local.set 43
          i32.const 0
          local.set 44
          i32.const 0
          local.set 45
          i32.const 0
          local.set 46
          i32.const 0
          local.set 47
          i32.const 0
          local.set 48
          local.set 39
          local.set 38
          local.set 37
          local.set 36
          block ;; label = @4
            local.get 36
            i32.load offset=12
            local.set 43
            local.get 36
            i32.load offset=16
            local.tee 41
            i32.const 1
            i32.shl
            i32.const 16
            local.get 41
            select
            local.set 40
            local.get 40
            i32.const 8
            i32.mul
            i32.const 0
            i32.const 0
            i32.const 0
            call 2
            local.tee 42
            i32.const 0
            local.get 40
            i32.const 8
            i32.mul
            memory.fill
            block ;; label = @5
              loop ;; label = @6
                local.get 44
                local.get 41
                i32.ge_u
                br_if 1 (;@5;)
                local.get 43
                local.get 44
                i32.const 8
                i32.mul
                i32.add
                local.tee 45
                i32.load offset=4
                if ;; label = @7
                  local.get 45
                  i32.load
                  local.set 46
                  local.get 46
                  local.get 40
                  i32.const 1
                  i32.sub
                  i32.and
                  local.set 48
                  block ;; label = @8
                    loop ;; label = @9
                      local.get 42
                      local.get 48
                      i32.const 8
                      i32.mul
                      i32.add
                      local.tee 47
                      i32.load offset=4
                      i32.eqz
                      br_if 1 (;@8;)
                      local.get 48
                      i32.const 1
                      i32.add
                      local.get 40
                      i32.const 1
                      i32.sub
                      i32.and
                      local.set 48
                      br 0 (;@9;)
                    end
                  end
                  local.get 47
                  local.get 45
                  i64.load
                  i64.store
                end
                local.get 44
                i32.const 1
                i32.add
                local.set 44
                br 0 (;@6;)
              end
            end
            local.get 36
            local.get 42
            i32.store offset=12
            local.get 36
            local.get 40
            i32.store offset=16
          end
        end
        local.get 23
        i32.load offset=16
        i32.const 1
        i32.sub
        local.set 34
        local.get 25
        local.get 34
        i32.and
        local.set 28
        block ;; label = @3
          loop ;; label = @4
            local.get 23
            i32.load offset=12
            local.get 28
            i32.const 8
            i32.mul
            i32.add
            local.tee 29
            i32.load offset=4
            local.tee 30
            i32.eqz
            br_if 1 (;@3;)
            local.get 29
            i32.load
            local.get 25
            i32.eq
            if ;; label = @5
              local.get 23
              i32.load
              local.get 30
              i32.const 1
              i32.sub
              local.get 27
              i32.mul
              i32.add
              local.set 33
              i32.const 0
              local.get 33
              i32.load
              local.get 24
              i32.load
              i32.ne
              local.get 33
              i64.load offset=8
              local.get 24
              i64.load offset=8
              i64.ne
              i32.or
              i32.or
              i32.eqz
              if ;; label = @6
                i32.const -1
                br 4 (;@2;)
              end
            end
            local.get 28
            i32.const 1
            i32.add
            local.get 34
            i32.and
            local.set 28
            br 0 (;@4;)
          end
        end
        local.get 23
        i32.load offset=4
        local.set 31
        local.get 23
        i32.load offset=8
        local.tee 32
        local.get 31
        i32.eq
        if ;; label = @3
          local.get 23
          i32.load
          local.get 32
          local.get 27
          i32.mul
          i32.add
          global.get 0
          i32.eq
          if ;; label = @4
            local.get 32
            i32.const 8
            i32.add
            local.get 27
            i32.mul
            i32.const 0
            i32.const 0
            i32.const 0
            call 2
            drop
          else
            local.get 32
            i32.const 1
            i32.shl
            i32.const 8
            i32.add
            local.get 27
            i32.mul
            i32.const 0
            i32.const 0
            i32.const 0
            call 2
            local.tee 33
            local.get 23
            i32.load
            local.get 31
            local.get 27
            i32.mul
            memory.copy
            local.get 23
            local.get 33
            i32.store
          end
          local.get 23
          local.get 32
          i32.const 1
          i32.shl
          i32.const 8
          i32.add
          i32.store offset=8
        end
        local.get 23
        i32.load
        local.get 31
        local.get 27
        i32.mul
        i32.add
        local.set 33
        local.get 33
        local.get 24
        i64.load
        i64.store
        local.get 33
        local.get 24
        i64.load offset=8
        i64.store offset=8
        local.get 29
        local.get 25
        i32.store
        local.get 29
        local.get 31
        i32.const 1
        i32.add
        i32.store offset=4
        local.get 23
        local.get 31
        i32.const 1
        i32.add
        i32.store offset=4
        local.get 31
      end
      local.tee 18
      i32.const 0
      i32.lt_s
      if ;; label = @2
        br 1 (;@1;)
      end
      global.get 3
      global.get 4
      i64.add
      i64.const 1
      i64.add
      global.get 5
      i64.gt_u
      if ;; label = @2
        i32.const 402
        local.get 15
        i32.const 0
        i32.const 0
        i64.const 0
        i32.const 0
        i64.const 0
        call 4
        unreachable
      end
      local.get 18
      i32.const 1
      i32.add
      local.set 19
      local.get 14
      local.get 19
      i32.store offset=32
      global.get 3
      local.get 19
      local.get 18
      i32.sub
      i64.extend_i32_u
      i64.add
      global.set 3
    end
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
    i32.const 0
    local.set 53
    i32.const 0
    local.set 54
    i32.const 0
    local.set 55
    i32.const 0
    local.set 56
    local.set 52
    local.set 51
    local.set 50
    local.set 49
    block ;; label = @1
      local.get 49
      i32.load offset=20
      local.tee 54
      i32.const 16
      i32.mul
      i32.const 32
      i32.add
      i32.const 0
      i32.const 0
      i32.const 0
      call 2
      local.tee 53
      i32.const 32
      i32.add
      i32.const 80
      local.get 54
      i32.const 16
      i32.mul
      memory.copy
      block ;; label = @2
        loop ;; label = @3
          local.get 55
          local.get 54
          i32.ge_u
          br_if 1 (;@2;)
          local.get 56
          i32.const 80
          local.get 55
          i32.const 16
          i32.mul
          i32.add
          i32.load
          i32.eqz
          i32.add
          local.set 56
          local.get 55
          i32.const 1
          i32.add
          local.set 55
          br 0 (;@3;)
        end
      end
      local.get 53
      i32.const 1
      i32.store
      local.get 53
      local.get 50
      i32.store offset=4
      local.get 53
      local.get 54
      i32.store offset=8
      local.get 53
      local.get 56
      i32.store offset=12
      local.get 49
      local.get 53
      i32.const 32
      i32.add
      i32.const 1
      local.get 53
      i32.const 16
      i32.add
      i32.const 0
      local.set 61
      i32.const 0
      local.set 62
      i32.const 0
      local.set 63
      i32.const 0
      local.set 64
      i32.const 0
      local.set 65
      i32.const 0
      local.set 66
      i32.const 0
      local.set 67
      i32.const 0
      local.set 68
      i32.const 0
      local.set 69
      i32.const 0
      local.set 70
      i32.const 0
      local.set 71
      i32.const 0
      local.set 72
      i32.const 0
      local.set 73
      i32.const 0
      local.set 74
      i32.const 0
      local.set 75
      i32.const 0
      local.set 76
      i32.const 0
      local.set 77
      i32.const 0
      local.set 78
      i32.const 0
      local.set 79
      local.set 60
      local.set 59
      local.set 58
      local.set 57
      block ;; label = @2
        local.get 57
        i32.load offset=20
        local.set 61
        local.get 57
        i32.load
        local.set 62
        local.get 57
        i32.load offset=32
        local.set 63
        block ;; label = @3
          loop ;; label = @4
            local.get 72
            local.get 61
            i32.ge_u
            br_if 1 (;@3;)
            local.get 78
            local.get 58
            local.get 72
            i32.const 16
            i32.mul
            i32.add
            i32.load
            i32.eqz
            i32.add
            local.set 78
            local.get 72
            i32.const 1
            i32.add
            local.set 72
            br 0 (;@4;)
          end
        end
        local.get 78
        local.get 61
        local.get 59
        select
        local.tee 64
        i32.const 16
        i32.mul
        local.set 65
        local.get 63
        local.get 65
        i32.mul
        i32.const 0
        i32.const 0
        i32.const 0
        call 2
        local.set 67
        local.get 63
        local.set 69
        local.get 78
        local.get 61
        i32.eq
        if ;; label = @3
          local.get 67
          local.get 62
          local.get 63
          local.get 65
          i32.mul
          memory.copy
        else
          i32.const 0
          local.set 69
          block ;; label = @4
            loop ;; label = @5
              local.get 70
              local.get 63
              i32.ge_u
              br_if 1 (;@4;)
              local.get 62
              local.get 70
              local.get 61
              i32.mul
              i32.const 16
              i32.mul
              i32.add
              local.set 71
              i32.const 1
              local.set 74
              i32.const 0
              local.set 72
              block ;; label = @6
                loop ;; label = @7
                  local.get 72
                  local.get 61
                  i32.ge_u
                  br_if 1 (;@6;)
                  local.get 58
                  local.get 72
                  i32.const 16
                  i32.mul
                  local.tee 73
                  i32.add
                  local.tee 76
                  i32.load
                  if ;; label = @8
                    local.get 76
                    i32.load
                    local.get 71
                    local.get 73
                    i32.add
                    i32.load
                    i32.ne
                    local.get 76
                    i64.load offset=8
                    local.get 71
                    local.get 73
                    i32.add
                    i64.load offset=8
                    i64.ne
                    i32.or
                    if ;; label = @9
                      i32.const 0
                      local.set 74
                    end
                  end
                  local.get 72
                  i32.const 1
                  i32.add
                  local.set 72
                  br 0 (;@7;)
                end
              end
              local.get 74
              if ;; label = @6
                local.get 67
                local.get 69
                local.get 65
                i32.mul
                i32.add
                local.set 75
                local.get 59
                if ;; label = @7
                  i32.const 0
                  local.set 73
                  i32.const 0
                  local.set 72
                  block ;; label = @8
                    loop ;; label = @9
                      local.get 72
                      local.get 61
                      i32.ge_u
                      br_if 1 (;@8;)
                      local.get 58
                      local.get 72
                      i32.const 16
                      i32.mul
                      i32.add
                      i32.load
                      i32.eqz
                      if ;; label = @10
                        local.get 75
                        local.get 73
                        i32.const 16
                        i32.mul
                        i32.add
                        local.set 76
                        local.get 71
                        local.get 72
                        i32.const 16
                        i32.mul
                        i32.add
                        local.set 77
                        local.get 76
                        local.get 77
                        i64.load
                        i64.store
                        local.get 76
                        local.get 77
                        i64.load offset=8
                        i64.store offset=8
                        local.get 73
                        i32.const 1
                        i32.add
                        local.set 73
                      end
                      local.get 72
                      i32.const 1
                      i32.add
                      local.set 72
                      br 0 (;@9;)
                    end
                  end
                else
                  i32.const 0
                  local.set 73
                  block ;; label = @8
                    loop ;; label = @9
                      local.get 65
                      local.get 73
                      i32.sub
                      i32.const 8
                      i32.lt_u
                      br_if 1 (;@8;)
                      local.get 75
                      local.get 73
                      i32.add
                      local.get 71
                      local.get 73
                      i32.add
                      i64.load
                      i64.store
                      local.get 73
                      i32.const 8
                      i32.add
                      local.set 73
                      br 0 (;@9;)
                    end
                  end
                end
                local.get 69
                i32.const 1
                i32.add
                local.set 69
              end
              local.get 70
              i32.const 1
              i32.add
              local.set 70
              br 0 (;@5;)
            end
          end
        end
        local.get 67
        local.get 69
        local.get 64
        i32.const 0
        i32.const 0
        local.set 84
        i32.const 0
        local.set 85
        i32.const 0
        local.set 86
        i32.const 0
        local.set 87
        i32.const 0
        local.set 88
        i32.const 0
        local.set 89
        i32.const 0
        local.set 90
        i32.const 0
        local.set 91
        i32.const 0
        local.set 92
        i32.const 0
        local.set 93
        i32.const 0
        local.set 94
        i32.const 0
        local.set 95
        i32.const 0
        local.set 96
        i32.const 0
        local.set 97
        i32.const 0
        local.set 98
        i32.const 0
        local.set 99
        i32.const 0
        local.set 100
        i32.const 0
        local.set 101
        i32.const 0
        local.set 102
        i32.const 0
        local.set 103
        i32.const 0
        local.set 104
        i64.const 0
        local.set 105
        i64.const 0
        local.set 106
        local.set 83
        local.set 82
        local.set 81
        local.set 80
        block (result i32) ;; label = @3
          local.get 81
          local.get 82
          i32.mul
          local.set 84
          local.get 82
          i32.const 8
          i32.mul
          local.set 92
          block ;; label = @4
            loop ;; label = @5
              local.get 89
              local.get 84
              i32.ge_u
              br_if 1 (;@4;)
              local.get 80
              local.get 89
              i32.const 16
              i32.mul
              i32.add
              local.set 91
              local.get 91
              i32.load
              i32.const 1
              i32.eq
              local.get 91
              i64.load offset=8
              i64.const 4611686018427387904
              i64.add
              i64.const -9223372036854775808
              i64.lt_u
              i32.and
              local.get 91
              i32.load
              i32.const 3
              i32.eq
              local.get 91
              i64.load offset=8
              i64.const 1
              i64.lt_u
              i32.and
              i32.or
              i32.eqz
              if ;; label = @6
                i32.const 0
                br 3 (;@3;)
              end
              local.get 89
              i32.const 1
              i32.add
              local.set 89
              br 0 (;@5;)
            end
          end
          local.get 92
          i32.const 0
          i32.const 0
          i32.const 0
          call 2
          local.tee 87
          i32.const 0
          local.get 92
          memory.fill
          i32.const 32
          local.get 81
          i32.clz
          i32.sub
          local.set 100
          local.get 100
          i32.const 8
          local.get 100
          i32.const 8
          i32.gt_u
          select
          local.set 100
          local.get 100
          i32.const 16
          local.get 100
          i32.const 16
          i32.lt_u
          select
          local.set 100
          i32.const 4
          local.get 100
          i32.shl
          i32.const 0
          i32.const 0
          i32.const 0
          call 2
          local.set 88
          local.get 80
          local.set 85
          local.get 80
          local.get 84
          i32.const 8
          i32.mul
          i32.add
          local.set 86
          i32.const 0
          local.set 89
          block ;; label = @4
            loop ;; label = @5
              local.get 89
              local.get 84
              i32.ge_u
              br_if 1 (;@4;)
              local.get 80
              local.get 89
              i32.const 16
              i32.mul
              i32.add
              local.set 91
              local.get 91
              i64.load offset=8
              local.tee 105
              i64.const 4611686018427387904
              i64.add
              local.get 105
              i64.const -9223372036854775808
              i64.or
              local.get 91
              i32.load
              i32.const 1
              i32.eq
              select
              local.set 105
              local.get 85
              local.get 89
              i32.const 8
              i32.mul
              i32.add
              local.get 105
              i64.store
              local.get 87
              local.get 90
              i32.const 8
              i32.mul
              i32.add
              local.tee 95
              local.get 95
              i64.load
              local.get 105
              local.get 85
              local.get 90
              i32.const 8
              i32.mul
              i32.add
              i64.load
              i64.xor
              i64.or
              i64.store
              local.get 90
              i32.const 1
              i32.add
              local.tee 90
              i32.const 0
              local.get 90
              local.get 82
              i32.lt_u
              select
              local.set 90
              local.get 89
              i32.const 1
              i32.add
              local.set 89
              br 0 (;@5;)
            end
          end
          local.get 82
          local.set 90
          block ;; label = @4
            loop ;; label = @5
              local.get 90
              i32.eqz
              br_if 1 (;@4;)
              local.get 90
              i32.const 1
              i32.sub
              local.tee 90
              i32.const 8
              i32.mul
              local.get 87
              i32.add
              i64.load
              local.tee 106
              i64.ctz
              i32.wrap_i64
              local.set 101
              i32.const 64
              local.get 106
              i64.clz
              i32.wrap_i64
              i32.sub
              local.get 101
              i32.sub
              local.tee 102
              if ;; label = @6
                local.get 102
                local.get 102
                local.get 100
                i32.add
                i32.const 1
                i32.sub
                local.get 100
                i32.div_u
                local.tee 103
                i32.add
                i32.const 1
                i32.sub
                local.get 103
                i32.div_u
                local.set 103
                i32.const 1
                local.get 103
                i32.shl
                i32.const 1
                i32.sub
                local.set 104
                local.get 101
                local.set 93
                local.get 101
                local.get 102
                i32.add
                local.set 102
                block ;; label = @7
                  loop ;; label = @8
                    local.get 93
                    local.get 102
                    i32.ge_u
                    br_if 1 (;@7;)
                    local.get 88
                    i32.const 0
                    local.get 104
                    i32.const 1
                    i32.add
                    i32.const 4
                    i32.mul
                    memory.fill
                    local.get 85
                    local.set 95
                    i32.const 0
                    local.set 94
                    block ;; label = @9
                      loop ;; label = @10
                        local.get 94
                        local.get 81
                        i32.ge_u
                        br_if 1 (;@9;)
                        local.get 95
                        local.get 90
                        i32.const 8
                        i32.mul
                        i32.add
                        i64.load
                        local.get 93
                        i64.extend_i32_u
                        i64.shr_u
                        i32.wrap_i64
                        local.get 104
                        i32.and
                        i32.const 4
                        i32.mul
                        local.get 88
                        i32.add
                        local.tee 96
                        local.get 96
                        i32.load
                        i32.const 1
                        i32.add
                        i32.store
                        local.get 95
                        local.get 92
                        i32.add
                        local.set 95
                        local.get 94
                        i32.const 1
                        i32.add
                        local.set 94
                        br 0 (;@10;)
                      end
                    end
                    i32.const 0
                    local.set 99
                    i32.const 0
                    local.set 94
                    local.get 104
                    i32.const 1
                    i32.add
                    local.set 98
                    block ;; label = @9
                      loop ;; label = @10
                        local.get 94
                        local.get 98
                        i32.ge_u
                        br_if 1 (;@9;)
                        local.get 88
                        local.get 94
                        i32.const 4
                        i32.mul
                        i32.add
                        local.tee 96
                        i32.load
                        local.get 96
                        local.get 99
                        i32.store
                        local.get 99
                        i32.add
                        local.set 99
                        local.get 94
                        i32.const 1
                        i32.add
                        local.set 94
                        br 0 (;@10;)
                      end
                    end
                    local.get 85
                    local.set 95
                    i32.const 0
                    local.set 94
                    block ;; label = @9
                      loop ;; label = @10
                        local.get 94
                        local.get 81
                        i32.ge_u
                        br_if 1 (;@9;)
                        local.get 95
                        local.get 90
                        i32.const 8
                        i32.mul
                        i32.add
                        i64.load
                        local.get 93
                        i64.extend_i32_u
                        i64.shr_u
                        i32.wrap_i64
                        local.get 104
                        i32.and
                        i32.const 4
                        i32.mul
                        local.get 88
                        i32.add
                        local.tee 96
                        i32.load
                        local.tee 98
                        i32.const 1
                        i32.add
                        local.set 99
                        local.get 96
                        local.get 99
                        i32.store
                        local.get 86
                        local.get 98
                        local.get 92
                        i32.mul
                        i32.add
                        local.set 96
                        i32.const 0
                        local.set 97
                        block ;; label = @11
                          loop ;; label = @12
                            local.get 97
                            local.get 82
                            i32.ge_u
                            br_if 1 (;@11;)
                            local.get 96
                            local.get 97
                            i32.const 8
                            i32.mul
                            local.tee 98
                            i32.add
                            local.get 95
                            local.get 98
                            i32.add
                            i64.load
                            i64.store
                            local.get 97
                            i32.const 1
                            i32.add
                            local.set 97
                            br 0 (;@12;)
                          end
                        end
                        local.get 95
                        local.get 92
                        i32.add
                        local.set 95
                        local.get 94
                        i32.const 1
                        i32.add
                        local.set 94
                        br 0 (;@10;)
                      end
                    end
                    local.get 85
                    local.get 86
                    local.set 85
                    local.set 86
                    local.get 93
                    local.get 103
                    i32.add
                    local.set 93
                    br 0 (;@8;)
                  end
                end
              end
              br 0 (;@5;)
            end
          end
          local.get 85
          local.get 80
          i32.ne
          local.set 95
          i32.const 0
          local.set 89
          block ;; label = @4
            loop ;; label = @5
              local.get 89
              local.get 84
              i32.ge_u
              br_if 1 (;@4;)
              local.get 89
              local.get 84
              i32.const 1
              i32.sub
              local.get 89
              i32.sub
              local.get 95
              select
              local.set 94
              local.get 85
              local.get 94
              i32.const 8
              i32.mul
              i32.add
              i64.load
              local.set 105
              local.get 80
              local.get 94
              i32.const 16
              i32.mul
              i32.add
              local.set 91
              local.get 91
              i64.const 1
              i64.const 3
              local.get 105
              i64.const 0
              i64.ge_s
              select
              i64.store
              local.get 91
              local.get 105
              i64.const 4611686018427387904
              i64.sub
              local.get 105
              i64.const 9223372036854775807
              i64.and
              local.get 105
              i64.const 0
              i64.ge_s
              select
              i64.store offset=8
              local.get 89
              i32.const 1
              i32.add
              local.set 89
              br 0 (;@5;)
            end
          end
          i32.const 1
        end
        i32.eqz
        if ;; label = @3
          local.get 69
          i32.const 4
          i32.mul
          i32.const 0
          i32.const 0
          i32.const 0
          call 2
          local.set 68
          i32.const 0
          local.set 70
          block ;; label = @4
            loop ;; label = @5
              local.get 70
              local.get 69
              i32.ge_u
              br_if 1 (;@4;)
              local.get 68
              local.get 70
              i32.const 4
              i32.mul
              i32.add
              local.get 67
              local.get 70
              local.get 65
              i32.mul
              i32.add
              i32.store
              local.get 70
              i32.const 1
              i32.add
              local.set 70
              br 0 (;@5;)
            end
          end
          local.get 68
          local.get 69
          local.get 64
          i32.const 0
          i32.const 0
          local.set 111
          i32.const 0
          local.set 112
          i32.const 0
          local.set 113
          i32.const 0
          local.set 114
          i32.const 0
          local.set 115
          i32.const 0
          local.set 116
          i32.const 0
          local.set 117
          i32.const 0
          local.set 118
          i32.const 0
          local.set 119
          i32.const 0
          local.set 120
          i32.const 0
          local.set 121
          local.set 110
          local.set 109
          local.set 108
          local.set 107
          block ;; label = @4
            local.get 107
            local.set 111
            local.get 108
            i32.const 4
            i32.mul
            i32.const 0
            i32.const 0
            i32.const 0
            call 2
            local.set 112
            i32.const 1
            local.set 113
            block ;; label = @5
              loop ;; label = @6
                local.get 113
                local.get 108
                i32.ge_u
                br_if 1 (;@5;)
                local.get 113
                i32.const 1
                i32.shl
                local.set 114
                i32.const 0
                local.set 115
                block ;; label = @7
                  loop ;; label = @8
                    local.get 115
                    local.get 108
                    i32.ge_u
                    br_if 1 (;@7;)
                    local.get 115
                    local.get 113
                    i32.add
                    local.get 108
                    local.get 115
                    local.get 113
                    i32.add
                    local.get 108
                    i32.lt_u
                    select
                    local.tee 116
                    local.set 119
                    local.get 115
                    local.get 114
                    i32.add
                    local.get 108
                    local.get 115
                    local.get 114
                    i32.add
                    local.get 108
                    i32.lt_u
                    select
                    local.set 117
                    local.get 115
                    local.tee 118
                    local.set 120
                    block ;; label = @9
                      loop ;; label = @10
                        local.get 120
                        local.get 117
                        i32.ge_u
                        br_if 1 (;@9;)
                        local.get 118
                        local.get 116
                        i32.lt_u
                        if (result i32) ;; label = @11
                          local.get 119
                          local.get 117
                          i32.ge_u
                          if (result i32) ;; label = @12
                            i32.const 1
                          else
                            local.get 111
                            local.get 118
                            i32.const 4
                            i32.mul
                            i32.add
                            i32.load
                            local.get 111
                            local.get 119
                            i32.const 4
                            i32.mul
                            i32.add
                            i32.load
                            local.get 109
                            i32.const 0
                            i32.const 0
                            local.set 126
                            i32.const 0
                            local.set 127
                            i32.const 0
                            local.set 128
                            local.set 125
                            local.set 124
                            local.set 123
                            local.set 122
                            block (result i32) ;; label = @13
                              block ;; label = @14
                                loop ;; label = @15
                                  local.get 126
                                  local.get 124
                                  i32.ge_u
                                  br_if 1 (;@14;)
                                  local.get 126
                                  i32.const 16
                                  i32.mul
                                  local.set 128
                                  local.get 122
                                  local.get 128
                                  i32.add
                                  i32.load
                                  local.get 122
                                  local.get 128
                                  i32.add
                                  i64.load offset=8
                                  local.get 123
                                  local.get 128
                                  i32.add
                                  i32.load
                                  local.get 123
                                  local.get 128
                                  i32.add
                                  i64.load offset=8
                                  i32.const 0
                                  i32.const 0
                                  local.set 134
                                  local.set 133
                                  local.set 132
                                  local.set 131
                                  local.set 130
                                  local.set 129
                                  block (result i32) ;; label = @16
                                    local.get 129
                                    i32.const 3
                                    i32.eq
                                    if ;; label = @17
                                      local.get 131
                                      i32.const 3
                                      i32.ne
                                      if ;; label = @18
                                        i32.const 1
                                        br 2 (;@16;)
                                      end
                                      local.get 130
                                      i64.const 1
                                      i64.lt_u
                                      if ;; label = @18
                                        local.get 132
                                        i64.const 1
                                        i64.lt_u
                                        if ;; label = @19
                                          local.get 130
                                          local.get 132
                                          i64.gt_u
                                          local.get 130
                                          local.get 132
                                          i64.lt_u
                                          i32.sub
                                          br 3 (;@16;)
                                        end
                                        i32.const -1
                                        br 2 (;@16;)
                                      end
                                      local.get 132
                                      i64.const 1
                                      i64.lt_u
                                      if ;; label = @18
                                        i32.const 1
                                        br 2 (;@16;)
                                      end
                                      local.get 130
                                      i32.wrap_i64
                                      local.get 132
                                      i32.wrap_i64
                                      i32.const 0
                                      i32.const 0
                                      i32.const 0
                                      local.set 139
                                      i32.const 0
                                      local.set 140
                                      i32.const 0
                                      local.set 141
                                      i32.const 0
                                      local.set 142
                                      local.set 138
                                      local.set 137
                                      local.set 136
                                      local.set 135
                                      block (result i32) ;; label = @18
                                        global.get 13
                                        local.get 135
                                        i32.const 8
                                        i32.mul
                                        i32.add
                                        local.tee 139
                                        i32.load offset=4
                                        local.set 140
                                        local.get 139
                                        i32.load
                                        local.set 139
                                        global.get 13
                                        local.get 136
                                        i32.const 8
                                        i32.mul
                                        i32.add
                                        local.tee 141
                                        i32.load offset=4
                                        local.set 142
                                        local.get 141
                                        i32.load
                                        local.set 141
                                        local.get 139
                                        local.get 140
                                        local.get 141
                                        local.get 142
                                        call 7
                                      end
                                      br 1 (;@16;)
                                    end
                                    local.get 131
                                    i32.const 3
                                    i32.eq
                                    if ;; label = @17
                                      i32.const -1
                                      br 1 (;@16;)
                                    end
                                    local.get 129
                                    local.get 130
                                    local.get 131
                                    local.get 132
                                    i32.const 0
                                    i32.const 0
                                    local.set 148
                                    local.set 147
                                    local.set 146
                                    local.set 145
                                    local.set 144
                                    local.set 143
                                    block (result i32) ;; label = @17
                                      local.get 143
                                      i32.const 1
                                      i32.eq
                                      if ;; label = @18
                                        local.get 145
                                        i32.const 1
                                        i32.eq
                                        if ;; label = @19
                                          local.get 144
                                          local.get 146
                                          i64.gt_s
                                          local.get 144
                                          local.get 146
                                          i64.lt_s
                                          i32.sub
                                          br 2 (;@17;)
                                        end
                                        i32.const 0
                                        local.get 144
                                        i32.const 0
                                        local.get 146
                                        i32.const 0
                                        i32.const 0
                                        call 8
                                        br 1 (;@17;)
                                      end
                                      local.get 145
                                      i32.const 1
                                      i32.eq
                                      if ;; label = @18
                                        i32.const 0
                                        i32.const 0
                                        local.get 146
                                        i32.const 0
                                        local.get 144
                                        i32.const 0
                                        i32.const 0
                                        call 8
                                        i32.sub
                                        br 1 (;@17;)
                                      end
                                      local.get 144
                                      f64.reinterpret_i64
                                      local.get 146
                                      f64.reinterpret_i64
                                      f64.gt
                                      local.get 144
                                      f64.reinterpret_i64
                                      local.get 146
                                      f64.reinterpret_i64
                                      f64.lt
                                      i32.sub
                                    end
                                  end
                                  local.tee 127
                                  if ;; label = @16
                                    local.get 127
                                    br 3 (;@13;)
                                  end
                                  local.get 126
                                  i32.const 1
                                  i32.add
                                  local.set 126
                                  br 0 (;@15;)
                                end
                              end
                              i32.const 0
                            end
                            i32.const 0
                            i32.le_s
                          end
                        else
                          i32.const 0
                        end
                        local.tee 121
                        if ;; label = @11
                          local.get 112
                          local.get 120
                          i32.const 4
                          i32.mul
                          i32.add
                          local.get 111
                          local.get 118
                          i32.const 4
                          i32.mul
                          i32.add
                          i32.load
                          i32.store
                          local.get 118
                          i32.const 1
                          i32.add
                          local.set 118
                        else
                          local.get 112
                          local.get 120
                          i32.const 4
                          i32.mul
                          i32.add
                          local.get 111
                          local.get 119
                          i32.const 4
                          i32.mul
                          i32.add
                          i32.load
                          i32.store
                          local.get 119
                          i32.const 1
                          i32.add
                          local.set 119
                        end
                        local.get 120
                        i32.const 1
                        i32.add
                        local.set 120
                        br 0 (;@10;)
                      end
                    end
                    local.get 115
                    local.get 114
                    i32.add
                    i32.const 1
                    i32.sub
                    local.set 115
                    local.get 115
                    i32.const 1
                    i32.add
                    local.set 115
                    br 0 (;@8;)
                  end
                end
                local.get 111
                local.get 112
                local.set 111
                local.set 112
                local.get 113
                i32.const 1
                i32.sub
                local.get 113
                i32.add
                local.set 113
                local.get 113
                i32.const 1
                i32.add
                local.set 113
                br 0 (;@6;)
              end
            end
            local.get 111
            local.get 107
            i32.ne
            if ;; label = @5
              local.get 107
              local.get 111
              local.get 108
              i32.const 4
              i32.mul
              memory.copy
            end
          end
          local.get 69
          local.get 65
          i32.mul
          i32.const 0
          i32.const 0
          i32.const 0
          call 2
          local.set 66
          i32.const 0
          local.set 70
          block ;; label = @4
            loop ;; label = @5
              local.get 70
              local.get 69
              i32.ge_u
              br_if 1 (;@4;)
              local.get 66
              local.get 70
              local.get 65
              i32.mul
              i32.add
              local.get 68
              local.get 70
              i32.const 4
              i32.mul
              i32.add
              i32.load
              local.get 65
              memory.copy
              local.get 70
              i32.const 1
              i32.add
              local.set 70
              br 0 (;@5;)
            end
          end
          local.get 67
          local.get 66
          local.get 69
          local.get 65
          i32.mul
          memory.copy
        end
        local.get 67
        local.get 69
        local.get 65
        i32.mul
        i32.add
        global.set 0
        local.get 60
        local.get 69
        i32.store
        local.get 60
        local.get 67
        i32.store offset=4
      end
      local.get 53
      i32.const 0
      i32.const 0
      i32.const 0
      call 3
    end
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
    call 1
    local.set 7
    local.set 6
    local.get 6
    local.get 7
    i32.const 0
    local.set 151
    local.set 150
    local.set 149
    block ;; label = @1
      i32.const 32
      i32.const 0
      i32.const 0
      i32.const 0
      call 2
      local.tee 151
      i32.const 0
      i32.store
      local.get 151
      local.get 149
      i32.store offset=16
      local.get 151
      local.get 150
      i64.store offset=24
      local.get 151
      i32.const 0
      i32.const 0
      i32.const 0
      call 3
    end
    i32.const 0
  )
  (func (;1;) (type 1) (param i32 i64 i32 i64 i32) (result i32 i64)
    (local i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
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
      i32.const 0
      local.set 10
      i32.const 0
      local.set 11
      i32.const 0
      local.set 12
      i32.const 0
      local.set 13
      i32.const 0
      local.set 14
      i32.const 0
      local.set 15
      i32.const 0
      local.set 16
      i32.const 0
      local.set 17
      local.set 9
      local.set 8
      local.set 7
      local.set 6
      block (result i32) ;; label = @2
        global.get 13
        local.get 6
        i32.const 8
        i32.mul
        i32.add
        local.tee 10
        i32.load offset=4
        local.set 11
        local.get 10
        i32.load
        local.set 10
        global.get 13
        local.get 7
        i32.const 8
        i32.mul
        i32.add
        local.tee 12
        i32.load offset=4
        local.set 13
        local.get 12
        i32.load
        local.set 12
        local.get 11
        local.get 13
        i32.add
        i32.const 0
        i32.const 0
        i32.const 0
        call 2
        local.tee 14
        global.get 0
        local.set 15
        local.get 10
        local.get 11
        memory.copy
        local.get 14
        local.get 11
        i32.add
        local.get 12
        local.get 13
        memory.copy
        global.get 14
        local.set 16
        local.get 14
        local.get 11
        local.get 13
        i32.add
        i32.const 0
        i32.const 0
        call 6
        local.tee 17
        local.get 16
        i32.lt_u
        global.get 0
        local.get 15
        i32.eq
        i32.and
        if ;; label = @3
          local.get 14
          global.set 0
        end
        local.get 17
      end
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
        call 4
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
      call 4
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
    call 5
    return
    unreachable
  )
  (func (;2;) (type 2) (param i32 i32 i32 i32) (result i32)
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
      call 4
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
        call 4
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
          call 4
          unreachable
        end
      end
    end
    local.get 5
    global.set 0
    local.get 4
  )
  (func (;3;) (type 3) (param i32 i32 i32 i32)
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
      call 2
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
  (func (;4;) (type 4) (param i32 i32 i32 i32 i64 i32 i64)
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
  (func (;5;) (type 5) (param f64 i32 i32 i32 i64 i32 i64) (result i32 i64)
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
      call 4
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
  (func (;6;) (type 2) (param i32 i32 i32 i32) (result i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64)
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
      i32.const 0
      local.set 15
      i32.const 0
      local.set 16
      i32.const 0
      local.set 17
      i32.const 0
      local.set 18
      i32.const 0
      local.set 19
      i32.const 0
      local.set 20
      i32.const 0
      local.set 21
      i32.const 0
      local.set 22
      i32.const 0
      local.set 23
      local.set 14
      local.set 13
      local.set 12
      local.set 11
      block ;; label = @2
        global.get 16
        local.set 17
        global.get 17
        local.tee 18
        i32.const 1
        i32.shl
        i32.const 16
        local.get 18
        select
        local.set 15
        local.get 15
        i32.const 8
        i32.mul
        i32.const 0
        i32.const 0
        i32.const 0
        call 2
        local.tee 16
        i32.const 0
        local.get 15
        i32.const 8
        i32.mul
        memory.fill
        block ;; label = @3
          loop ;; label = @4
            local.get 19
            local.get 18
            i32.ge_u
            br_if 1 (;@3;)
            local.get 17
            local.get 19
            i32.const 8
            i32.mul
            i32.add
            local.tee 20
            i32.load offset=4
            if ;; label = @5
              local.get 20
              i32.load
              local.set 21
              local.get 21
              local.get 15
              i32.const 1
              i32.sub
              i32.and
              local.set 23
              block ;; label = @6
                loop ;; label = @7
                  local.get 16
                  local.get 23
                  i32.const 8
                  i32.mul
                  i32.add
                  local.tee 22
                  i32.load offset=4
                  i32.eqz
                  br_if 1 (;@6;)
                  local.get 23
                  i32.const 1
                  i32.add
                  local.get 15
                  i32.const 1
                  i32.sub
                  i32.and
                  local.set 23
                  br 0 (;@7;)
                end
              end
              local.get 22
              local.get 20
              i64.load
              i64.store
            end
            local.get 19
            i32.const 1
            i32.add
            local.set 19
            br 0 (;@4;)
          end
        end
        local.get 16
        global.set 16
        local.get 15
        global.set 17
      end
    end
    local.get 0
    local.get 1
    i32.const 0
    i32.const 0
    i32.const 0
    local.set 28
    i64.const 0
    local.set 29
    local.set 27
    local.set 26
    local.set 25
    local.set 24
    block (result i32) ;; label = @1
      i64.const -3750763034362895579
      local.set 29
      block ;; label = @2
        loop ;; label = @3
          local.get 25
          local.get 28
          i32.sub
          i32.const 8
          i32.lt_u
          br_if 1 (;@2;)
          local.get 29
          local.get 24
          local.get 28
          i32.add
          i64.load align=1
          i64.xor
          i64.const 1099511628211
          i64.mul
          local.set 29
          local.get 28
          i32.const 8
          i32.add
          local.set 28
          br 0 (;@3;)
        end
      end
      block ;; label = @2
        loop ;; label = @3
          local.get 28
          local.get 25
          i32.ge_u
          br_if 1 (;@2;)
          local.get 29
          local.get 24
          local.get 28
          i32.add
          i64.load8_u
          i64.xor
          i64.const 1099511628211
          i64.mul
          local.set 29
          local.get 28
          i32.const 1
          i32.add
          local.set 28
          br 0 (;@3;)
        end
      end
      local.get 29
      local.get 29
      i64.const 33
      i64.shr_u
      i64.xor
      i64.const -49064778989728563
      i64.mul
      local.set 29
      local.get 29
      local.get 29
      i64.const 33
      i64.shr_u
      i64.xor
      i64.const -49064778989728563
      i64.mul
      local.set 29
      local.get 29
      local.get 29
      i64.const 32
      i64.shr_u
      i64.xor
      i32.wrap_i64
    end
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
          call 7
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
      call 2
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
  (func (;7;) (type 2) (param i32 i32 i32 i32) (result i32)
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
  (func (;8;) (type 6) (param i32 i64 i32 i64 i32 i32) (result i32)
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
  (data (;0;) "\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\01\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00a\00\00\00\00\00\00\000\03\00\00\01\00\00\00\06\00\00\00\0e\00\00\00\06\00\00\00\0e\00\00\00\0f\00\00\00\18\00\00\00\19\00\00\00%\00\00\00\22\00\00\00#\00\00\00\00\00\00\00\00\00\00\00")
)
