//! Conformance suite: documents rendered through the public crates and measured against
//! Nghị định 30/2020/NĐ-CP (nd30.md §1–§3, §6).

mod documents;
mod hostile;
mod ky_so;
mod nd30;
mod output;
mod outputs;
mod tep_rieng;
mod tron;
