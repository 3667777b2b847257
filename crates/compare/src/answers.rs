//! Cross-council answers to the questions (issue 3). Not yet built.
