package org.laimark.actors.pipeline.proposal;

/**
 * The outcome of reading a proposal: a parsed proposal, or the reason it is not one (with detail).
 */
public record ProposalParse(ParsedProposal proposal, ProposalRejection rejection, String detail) {

  public ProposalParse {
    if ((proposal == null) == (rejection == null)) {
      throw new IllegalArgumentException("a parse is either a proposal or a rejection");
    }
    detail = detail == null ? "" : detail;
  }

  static ProposalParse parsed(ParsedProposal proposal) {
    return new ProposalParse(proposal, null, "");
  }

  static ProposalParse rejected(ProposalRejection reason, String detail) {
    return new ProposalParse(null, reason, detail);
  }

  public boolean ok() {
    return proposal != null;
  }
}
