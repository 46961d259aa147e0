//! The `bytelogic` binary's allocator (docs/decisions.md 147): the system allocator for
//! everything but large blocks, which get a mapping of their own marked for 2 MiB pages.
//!
//! A fixpoint that derives a few hundred thousand tuples touches its tables once; on
//! 4 KiB pages the kernel takes a fault for each page, about 3 µs apiece here. Where
//! transparent huge pages are in `madvise` mode (a common default) the kernel backs a
//! mapping with 2 MiB pages only when asked, so a block of [`LARGE`] bytes or more is
//! mapped on its own, from a 2 MiB boundary, and asked: one fault where there were 512.
//! Its last partial 2 MiB stays on small pages, growing it remaps it (no copy) and
//! freeing it unmaps it, so the process's memory stays what it holds (the memory-limit
//! tests measure that). Linux only; elsewhere, and for blocks
//! aligned beyond a page, the system allocator does everything.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};

/// The allocator (installed in `main.rs`).
pub struct HugeBlocks;

/// Blocks from this size on are mapped on their own.
const LARGE: usize = 2 << 20;

/// A huge page: mappings start on a multiple of it, so the kernel can back each whole
/// 2 MiB of a block with one.
const HUGE_PAGE: usize = 2 << 20;

/// A small page: the unit of a mapping's length.
const PAGE: usize = 4096;

/// A block is rounded up to whole huge pages when that adds at most 1/`SLACK` of its
/// size; else to small pages, and its last partial 2 MiB stays on small pages (a block
/// a little over a multiple of 2 MiB does not pay a huge page it barely uses).
const SLACK: usize = 8;

/// Whether a block of `size` bytes aligned to `align` is mapped on its own.
fn large(size: usize, align: usize) -> bool {
    cfg!(target_os = "linux") && size >= LARGE && align <= PAGE
}

/// The length of the mapping that holds `size` bytes.
fn mapped(size: usize) -> usize {
    let huge = size.next_multiple_of(HUGE_PAGE);
    if huge - size <= size / SLACK {
        huge
    } else {
        size.next_multiple_of(PAGE)
    }
}

// SAFETY (the whole impl): small blocks go to `System` with the caller's layout
// unchanged. A large block is a private anonymous mapping of `mapped(size)` bytes,
// which starts on a 2 MiB boundary (so any `align <= 4096` holds) and is zero-filled;
// `dealloc` and `realloc` receive the layout the block was allocated with (GlobalAlloc's
// contract), so they recompute the same mapping length and never touch another one.
unsafe impl GlobalAlloc for HugeBlocks {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if large(layout.size(), layout.align()) {
            map(mapped(layout.size()))
        } else {
            // SAFETY: as the caller's.
            unsafe { System.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if large(layout.size(), layout.align()) {
            // A new anonymous mapping is zero-filled.
            map(mapped(layout.size()))
        } else {
            // SAFETY: as the caller's.
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if large(layout.size(), layout.align()) {
            unmap(ptr, mapped(layout.size()));
        } else {
            // SAFETY: as the caller's.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        match (large(layout.size(), align), large(new_size, align)) {
            // SAFETY: as the caller's.
            (false, false) => unsafe { System.realloc(ptr, layout, new_size) },
            (true, true) => remap(ptr, mapped(layout.size()), mapped(new_size)),
            _ => {
                // SAFETY: `new_size` is non-zero and fits `align` (the caller's
                // contract), so the new layout is valid.
                let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, align) };
                // SAFETY: as `alloc`.
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    // SAFETY: both blocks hold at least the bytes copied and are
                    // distinct; the old one is freed with its own layout.
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
    }
}

/// A new mapping of `len` bytes starting on a 2 MiB boundary, asked to be backed by
/// huge pages (null on failure).
#[cfg(target_os = "linux")]
fn map(len: usize) -> *mut u8 {
    use rustix::mm::{Advice, MapFlags, ProtFlags, madvise, mmap_anonymous, munmap};
    let Some(reserve) = len.checked_add(HUGE_PAGE) else {
        return std::ptr::null_mut();
    };
    // SAFETY: a fresh private anonymous mapping aliases nothing.
    let Ok(ptr) = (unsafe {
        mmap_anonymous(
            std::ptr::null_mut(),
            reserve,
            ProtFlags::READ | ProtFlags::WRITE,
            MapFlags::PRIVATE,
        )
    }) else {
        return std::ptr::null_mut();
    };
    // One huge page more than needed was reserved: keep the `len` bytes from the first
    // 2 MiB boundary and give back the rest.
    let start = ptr as usize;
    let aligned = start.next_multiple_of(HUGE_PAGE);
    let (head, tail) = (aligned - start, start + reserve - (aligned + len));
    // SAFETY: the head and tail are parts of the fresh mapping that nothing uses; where
    // an unmap fails the part stays mapped, unused (a leak of address space only).
    unsafe {
        if head > 0 {
            let _ = munmap(ptr, head);
        }
        if tail > 0 {
            let _ = munmap((aligned + len) as *mut _, tail);
        }
        // How the new pages are backed, not what they hold; where it fails they stay
        // small.
        let _ = madvise(aligned as *mut _, len, Advice::LinuxHugepage);
    }
    aligned as *mut u8
}

/// Unmaps a block made by [`map`] or [`remap`].
#[cfg(target_os = "linux")]
fn unmap(ptr: *mut u8, len: usize) {
    // SAFETY: `ptr..ptr + len` is exactly one block's mapping, no longer in use. A
    // failure leaves the mapping in place (a leak, never a dangling use).
    let _ = unsafe { rustix::mm::munmap(ptr.cast(), len) };
}

/// Grows or shrinks a block's mapping: in place where the address space after it is
/// free, else its pages move (not copied) to the start of a new mapping from [`map`].
/// Null on failure, the old block intact.
#[cfg(target_os = "linux")]
fn remap(ptr: *mut u8, len: usize, new_len: usize) -> *mut u8 {
    use rustix::mm::{MremapFlags, mremap, mremap_fixed};
    if len == new_len {
        return ptr;
    }
    // SAFETY: `ptr..ptr + len` is exactly one block's mapping, which the caller hands
    // over; without MAYMOVE it stays where it is.
    if let Ok(same) = unsafe { mremap(ptr.cast(), len, new_len, MremapFlags::empty()) } {
        return same.cast();
    }
    let new = map(new_len);
    if new.is_null() {
        return new;
    }
    // SAFETY: the old block's pages move onto the first `len` bytes of the new mapping,
    // which nothing uses yet; on failure both stay as they were and the new one goes.
    match unsafe { mremap_fixed(ptr.cast(), len, len, MremapFlags::MAYMOVE, new.cast()) } {
        Ok(_) => new,
        Err(_) => {
            unmap(new, new_len);
            std::ptr::null_mut()
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn map(_: usize) -> *mut u8 {
    unreachable!("large blocks are mapped on Linux only")
}

#[cfg(not(target_os = "linux"))]
fn unmap(_: *mut u8, _: usize) {
    unreachable!("large blocks are mapped on Linux only")
}

#[cfg(not(target_os = "linux"))]
fn remap(_: *mut u8, _: usize, _: usize) -> *mut u8 {
    unreachable!("large blocks are mapped on Linux only")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_rounded_to_huge_pages_only_when_that_costs_little() {
        assert_eq!(mapped(8 << 20), 8 << 20);
        // A hash table of 2^20 eight-byte buckets: 9 MiB and its 16 control bytes.
        assert_eq!(mapped((9 << 20) + 16), 10 << 20);
        // Barely over 2 MiB: small pages for the rest.
        assert_eq!(mapped((2 << 20) + 100), (2 << 20) + PAGE);
        assert!(!large(LARGE - 1, 8) && !large(LARGE, 8192));
    }

    #[test]
    fn large_blocks_keep_their_bytes_through_growing_and_shrinking() {
        let a = HugeBlocks;
        let layout = Layout::from_size_align(3 << 20, 8).unwrap();
        // SAFETY: each call gets the layout its block was allocated with.
        unsafe {
            let block = a.alloc(layout);
            assert!(!block.is_null());
            assert_eq!(
                block as usize % HUGE_PAGE,
                0,
                "a large block starts on a huge page"
            );
            for i in (0..layout.size()).step_by(4096) {
                *block.add(i) = (i / 4096) as u8;
            }
            *block = 0;
            let grown = a.realloc(block, layout, 40 << 20);
            assert!(!grown.is_null());
            for i in (0..layout.size()).step_by(4096) {
                assert_eq!(*grown.add(i), (i / 4096) as u8);
            }
            *grown.add((40 << 20) - 1) = 7;
            let grown_layout = Layout::from_size_align(40 << 20, 8).unwrap();
            // Down to a small block: copied to the system allocator.
            let small = a.realloc(grown, grown_layout, 4096);
            assert!(!small.is_null());
            assert_eq!(*small, 0);
            let zeroed = a.alloc_zeroed(layout);
            assert!(
                (0..layout.size())
                    .step_by(4096)
                    .all(|i| *zeroed.add(i) == 0)
            );
            a.dealloc(zeroed, layout);
            a.dealloc(small, Layout::from_size_align(4096, 8).unwrap());
        }
    }
}
