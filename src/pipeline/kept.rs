//! Analyses the first pass of a batch keeps for the second: in memory, then in a temporary file.

use std::collections::VecDeque;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use crate::analysis::analyzer::Analysis;
use crate::analysis::memo::WordId;
use crate::input::{Identity, Place};
use crate::pipeline::corpus::{KeyIds, Numbering};
use crate::pipeline::packed::{PackedAnalysis, get_varint, put_varint, take};

/// What the first pass read of one input, kept for every input (kept analysis or not), so
/// that the second pass pairs analyses with inputs by place and notices changed inputs.
pub(super) struct Stamp {
    pub(super) place: Place,
    pub(super) name: String,
    /// `None`: the input could not be read.
    pub(super) identity: Option<Identity>,
}

/// What the first pass knew of an input of the second.
#[derive(Default)]
pub(super) struct Paired {
    /// `Some` when the first pass saw the input: what it read then (`None`: unreadable).
    pub(super) then: Option<Option<Identity>>,
    pub(super) doc: Option<KeptDocument>,
    /// Inputs of the first pass with no place in the second before this one: name and count.
    pub(super) gone: Vec<(String, usize)>,
    /// For a failed stream: documents of its part the first pass read.
    pub(super) dropped: usize,
}

/// A document the first pass analysed, kept for the second.
pub(super) struct KeptDocument {
    pub(super) analysis: KeptAnalysis,
    pub(super) id: Option<crate::report::Id>,
    pub(super) bytes: u64,
    /// Its keys' memo ids, to find their document frequencies by.
    pub(super) keys: Option<KeyIds>,
}

impl KeptDocument {
    /// Heap bytes held, for the budget.
    fn heap_bytes(&self) -> usize {
        self.analysis.heap_bytes() + self.keys.as_ref().map_or(0, KeyIds::heap_bytes)
    }
}

/// An analysis as it is kept: whole, as the second pass uses it, while the first half of the
/// memory budget lasts; packed (about a fifth of the size, for the cost of packing and
/// unpacking: 6 % of a batch's instructions) after that and in the temporary file.
pub(super) enum KeptAnalysis {
    Whole(Box<Analysis>),
    Packed(PackedAnalysis),
}

/// How the first pass keeps the analyses of a chunk (see [`Kept::keeping`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Keep {
    No,
    Whole,
    Packed,
}

impl KeptAnalysis {
    /// `a` kept as `keep` says; `None` when it is not kept, or does not pack (a text too long
    /// for 32-bit offsets, which is analysed again).
    pub(super) fn new(a: Analysis, keep: Keep) -> Option<KeptAnalysis> {
        match keep {
            Keep::No => None,
            Keep::Whole => Some(KeptAnalysis::Whole(Box::new(a))),
            Keep::Packed => PackedAnalysis::pack(&a).map(KeptAnalysis::Packed),
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            KeptAnalysis::Whole(a) => a.heap_bytes(),
            KeptAnalysis::Packed(p) => p.heap_bytes(),
        }
    }

    /// The analysis; `None` when packed bytes do not unpack (a damaged temporary file).
    pub(super) fn into_analysis(self) -> Option<Analysis> {
        match self {
            KeptAnalysis::Whole(a) => Some(*a),
            KeptAnalysis::Packed(p) => p.unpack(),
        }
    }
}

/// What the first pass learnt of one input (its keys are counted already).
pub(super) enum Counted {
    Kept(KeptDocument),
    /// Counted, not kept: the budget is spent; the bytes of text it held.
    Only(u64),
    Failed,
}

/// The analyses the first pass keeps for the second, in input order: in memory until its
/// budget (`Config::kept_bytes`) is spent, whole in the first half and packed after, then in an
/// unnamed temporary file (in `$TMPDIR`, gone when the run ends) up to [`SPILL_BYTES`]. Packed,
/// an analysis takes a little over twice its text, written and read back in order, so a batch
/// of any size is analysed once while memory stays flat. When the file cannot be made or
/// written (a full disk), keeping stops there and the rest is analysed again in the second
/// pass: slower, never wrong. The second pass takes analyses from the front, freeing as it goes.
pub(super) struct Kept {
    memory: VecDeque<Option<KeptDocument>>,
    bytes: usize,
    budget: usize,
    spill: Spill,
    spill_budget: u64,
    /// A document was not kept: none after it is either, so the kept ones stay a prefix.
    closed: bool,
    /// Every input of the first pass, in order; the kept analyses are those of a prefix.
    /// Names are kept once per part, not per input (a JSON Lines file may hold millions).
    ledger: VecDeque<(Place, Option<Identity>)>,
    names: std::collections::BTreeMap<u32, String>,
}

/// The temporary file of [`Kept`]: entries written in the first pass, read in the second.
pub(super) enum Spill {
    Unused,
    Writing {
        file: BufWriter<std::fs::File>,
        bytes: u64,
        entries: usize,
    },
    Reading {
        file: BufReader<std::fs::File>,
        entries: usize,
    },
}

/// Disk the temporary file of a batch may take before the rest is analysed twice instead.
pub(super) const SPILL_BYTES: u64 = 16 << 30;

/// Entry tags in the temporary file.
const SPILL_FAILED: u8 = 0;
const SPILL_NO_ID: u8 = 1;
const SPILL_ID: u8 = 2;

impl Kept {
    pub(super) fn new(budget: usize, spill_budget: u64) -> Self {
        Kept {
            memory: VecDeque::new(),
            bytes: 0,
            budget,
            spill: Spill::Unused,
            spill_budget,
            closed: false,
            ledger: VecDeque::new(),
            names: std::collections::BTreeMap::new(),
        }
    }

    /// Notes one input of the first pass and what was kept of it.
    pub(super) fn push_stamped(&mut self, stamp: Stamp, counted: Counted) {
        self.names.entry(stamp.place.part).or_insert(stamp.name);
        self.ledger.push_back((stamp.place, stamp.identity));
        self.push(counted);
    }

    /// Whether the first pass noted any input.
    pub(super) fn has_ledger(&self) -> bool {
        !self.ledger.is_empty()
    }

    /// What the first pass knew of the input at `place` in the second; with `whole_part`
    /// (the input is a stream that failed), everything of its part. Entries before it that
    /// nothing in the second pass matched are `gone`.
    pub(super) fn take(&mut self, place: Place, whole_part: bool) -> Paired {
        let mut paired = Paired::default();
        while let Some((front, _)) = self.ledger.front() {
            let later = if whole_part {
                front.part > place.part
            } else {
                *front > place
            };
            if later {
                break;
            }
            let (at, identity) = self.ledger.pop_front().expect("the front is there");
            let doc = self.next();
            if at == place && !whole_part {
                paired.then = Some(identity);
                paired.doc = doc;
            } else if whole_part && at.part == place.part {
                paired.dropped += usize::from(identity.is_some());
            } else {
                let name = self.names.get(&at.part).cloned().unwrap_or_default();
                match paired.gone.last_mut() {
                    Some((last, n)) if *last == name => *n += 1,
                    _ => paired.gone.push((name, 1)),
                }
            }
        }
        paired
    }

    /// How the analyses of the chunk about to be analysed are to be kept: whole while less
    /// than half the memory budget is spent (the chunks already in the workers' hands may
    /// spend more of it), packed while any room is left in memory or the temporary file.
    pub(super) fn keeping(&self) -> Keep {
        if self.closed {
            Keep::No
        } else if matches!(self.spill, Spill::Unused) && self.bytes < self.budget / 2 {
            Keep::Whole
        } else {
            Keep::Packed
        }
    }

    pub(super) fn push(&mut self, counted: Counted) {
        if self.closed {
            return;
        }
        let doc = match counted {
            Counted::Kept(doc) => Some(doc),
            // A failed input is read again, to report its error the same way.
            Counted::Failed => None,
            Counted::Only(_) => {
                self.closed = true;
                return;
            }
        };
        let size = doc.as_ref().map_or(0, KeptDocument::heap_bytes);
        if matches!(self.spill, Spill::Unused) && self.bytes + size <= self.budget {
            self.bytes += size;
            self.memory.push_back(doc);
        } else if self.spill(doc.as_ref()).is_err() {
            self.closed = true;
        }
    }

    /// Appends one entry to the temporary file, making it first if need be.
    pub(super) fn spill(&mut self, doc: Option<&KeptDocument>) -> io::Result<()> {
        if matches!(self.spill, Spill::Unused) {
            self.spill = Spill::Writing {
                file: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
                bytes: 0,
                entries: 0,
            };
        }
        let Spill::Writing {
            file,
            bytes,
            entries,
        } = &mut self.spill
        else {
            return Err(io::Error::other("temporary file already read"));
        };
        let mut entry = Vec::new();
        // A whole analysis that met a full memory budget is packed here.
        let packed;
        let analysis = match doc.map(|d| &d.analysis) {
            Some(KeptAnalysis::Whole(a)) => {
                packed = PackedAnalysis::pack(a).ok_or_else(|| io::Error::other("too long"))?;
                Some(&packed)
            }
            Some(KeptAnalysis::Packed(p)) => Some(p),
            None => None,
        };
        match doc.zip(analysis) {
            None => entry.push(SPILL_FAILED),
            Some((doc, analysis)) => {
                match &doc.id {
                    None => entry.push(SPILL_NO_ID),
                    Some(id) => {
                        entry.push(SPILL_ID);
                        let id = id.json().as_bytes();
                        put_varint(&mut entry, id.len() as u64);
                        entry.extend_from_slice(id);
                    }
                }
                put_varint(&mut entry, doc.bytes);
                put_keys(&mut entry, doc.keys.as_ref());
                entry.extend_from_slice(analysis.as_bytes());
            }
        }
        // Each entry after its length, eight bytes.
        let size = 8 + entry.len() as u64;
        if *bytes + size > self.spill_budget {
            return Err(io::Error::other("temporary file full"));
        }
        file.write_all(&(entry.len() as u64).to_le_bytes())?;
        file.write_all(&entry)?;
        *bytes += size;
        *entries += 1;
        Ok(())
    }

    /// What was kept of the next input, in order.
    pub(super) fn next(&mut self) -> Option<KeptDocument> {
        if let Some(doc) = self.memory.pop_front() {
            return doc;
        }
        // The first read after the last write rewinds the file. Entries written whole are
        // read back; a file that cannot be rewound is dropped and its documents analysed again.
        self.spill = match std::mem::replace(&mut self.spill, Spill::Unused) {
            Spill::Writing { file, entries, .. } => file
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|mut f| f.seek(SeekFrom::Start(0)).map(|_| f))
                .map_or(Spill::Unused, |f| Spill::Reading {
                    file: BufReader::with_capacity(1 << 16, f),
                    entries,
                }),
            other => other,
        };
        let Spill::Reading { file, entries } = &mut self.spill else {
            return None;
        };
        if *entries == 0 {
            return None;
        }
        *entries -= 1;
        match read_entry(file) {
            Ok(doc) => doc,
            Err(_) => {
                // Unreadable: the rest is analysed again.
                self.spill = Spill::Unused;
                self.closed = true;
                None
            }
        }
    }
}

/// One entry of the temporary file; `None` for an input that failed.
pub(super) fn read_entry(file: &mut impl Read) -> io::Result<Option<KeptDocument>> {
    let damaged = || io::Error::new(io::ErrorKind::InvalidData, "damaged temporary file");
    let mut len = [0u8; 8];
    file.read_exact(&mut len)?;
    let len = u64::from_le_bytes(len);
    let mut entry = Vec::new();
    file.take(len).read_to_end(&mut entry)?;
    if entry.len() as u64 != len {
        return Err(damaged());
    }
    let (&tag, mut rest) = entry.split_first().ok_or_else(damaged)?;
    let id = match tag {
        SPILL_FAILED => return Ok(None),
        SPILL_NO_ID => None,
        SPILL_ID => {
            let n = get_varint(&mut rest)
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n <= rest.len())
                .ok_or_else(damaged)?;
            let (id, after) = rest.split_at(n);
            rest = after;
            let id = std::str::from_utf8(id).map_err(|_| damaged())?;
            Some(crate::report::Id::new(id).ok_or_else(damaged)?)
        }
        _ => return Err(damaged()),
    };
    let bytes = get_varint(&mut rest).ok_or_else(damaged)?;
    let keys = get_keys(&mut rest).ok_or_else(damaged)?;
    Ok(Some(KeptDocument {
        analysis: KeptAnalysis::Packed(PackedAnalysis::from_bytes(rest.to_vec())),
        id,
        bytes,
        keys,
    }))
}

/// Appends `keys` to an entry of the temporary file: 0 for none, else one more than their
/// number, their numbering and the ids, four bytes each (copied in and out in bulk, where
/// varints cost more than the disk they save).
fn put_keys(entry: &mut Vec<u8>, keys: Option<&KeyIds>) {
    let Some(keys) = keys else {
        entry.push(0);
        return;
    };
    put_varint(entry, keys.ids.len() as u64 + 1);
    put_varint(entry, keys.numbering.slot as u64);
    put_varint(entry, u64::from(keys.numbering.generation));
    entry.reserve(keys.ids.len() * size_of::<WordId>());
    for &id in &keys.ids {
        entry.extend_from_slice(&id.to_le_bytes());
    }
}

/// Reads what [`put_keys`] wrote; `None` when it is damaged.
fn get_keys(rest: &mut &[u8]) -> Option<Option<KeyIds>> {
    let n = usize::try_from(get_varint(rest)?).ok()?;
    let Some(n) = n.checked_sub(1) else {
        return Some(None);
    };
    let numbering = Numbering {
        slot: usize::try_from(get_varint(rest)?).ok()?,
        generation: u32::try_from(get_varint(rest)?).ok()?,
    };
    let bytes = take(rest, n.checked_mul(size_of::<WordId>())?)?;
    let ids = bytes
        .chunks_exact(size_of::<WordId>())
        .map(|b| WordId::from_le_bytes(b.try_into().expect("chunks of the size of an id")))
        .collect();
    Some(Some(KeyIds { numbering, ids }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyzer::Analyzer;

    #[test]
    fn pipeline_spill_entries_read_back_and_damage_is_an_error() {
        let analyzer = Analyzer::indonesian();
        let mut memo = analyzer.memo();
        let a = analyzer.analyze("Harga beras naik. Warga mengeluh.", &mut memo);
        let mut kept = Kept::new(0, u64::MAX);
        let keys = || KeyIds {
            numbering: Numbering {
                slot: 1,
                generation: 300,
            },
            ids: memo.document_keys().iter().map(|&id| id + 200).collect(),
        };
        let doc = |id, keys| KeptDocument {
            analysis: KeptAnalysis::new(a.clone(), Keep::Whole).expect("kept"),
            id,
            bytes: 33,
            keys,
        };
        let id = crate::report::Id::new("{\"n\": [1, \"x\"], \"big\": 12345678901234567890123}");
        kept.push(Counted::Kept(doc(id.clone(), Some(keys()))));
        kept.push(Counted::Failed);
        kept.push(Counted::Kept(doc(None, None)));
        assert!(kept.memory.is_empty());
        let first = kept.next().expect("first entry");
        assert_eq!(first.id, id);
        assert_eq!(first.bytes, 33);
        assert_eq!(first.keys, Some(keys()));
        assert_eq!(
            first.analysis.into_analysis().expect("unpacks").terms,
            a.terms
        );
        assert!(kept.next().is_none(), "the failed input");
        let third = kept.next().expect("third entry");
        assert_eq!((third.id, third.keys), (None, None));
        assert!(kept.next().is_none(), "past the end");

        let mut file = 5u64.to_le_bytes().to_vec();
        file.extend_from_slice(&[SPILL_ID, 9, b'{']);
        assert!(read_entry(&mut &file[..]).is_err(), "cut short");
        let mut file = 1u64.to_le_bytes().to_vec();
        file.push(7);
        assert!(read_entry(&mut &file[..]).is_err(), "unknown tag");
    }
}
