//! Version diff between two documents (issue 4). Not yet built.
