"""Minimal NegEx-style assertion tagging for CXR findings (sentence-level, forward scope only)."""
import json
import re

SENT_SPLIT = re.compile(r"(?<=[.;:])\s+|\n+")


class NegExTagger:
    def __init__(self, config_path="findings.json"):
        with open(config_path) as f:
            cfg = json.load(f)
        self.findings = cfg["findings"]
        self.scope = cfg["scope_tokens"]
        self.neg = self._trigger_re(cfg["negation_triggers"])
        self.unc = self._trigger_re(cfg["uncertainty_triggers"])

    @staticmethod
    def _trigger_re(triggers):
        alts = "|".join(sorted((re.escape(t) for t in triggers), key=len, reverse=True))
        return re.compile(rf"\b({alts})\b", re.I)

    def _status(self, sentence, start):
        prefix = sentence[:start].split()[-self.scope:]
        window = " ".join(prefix)
        if self.neg.search(window):
            return "negated"
        if self.unc.search(window):
            return "uncertain"
        return "affirmed"

    def tag(self, report):
        """Return {finding: status}; affirmed beats uncertain beats negated across sentences."""
        rank = {"negated": 0, "uncertain": 1, "affirmed": 2}
        out = {}
        for sent in SENT_SPLIT.split(report.lower()):
            for name, terms in self.findings.items():
                for term in terms:
                    m = re.search(rf"\b{re.escape(term)}\b", sent)
                    if m:
                        s = self._status(sent, m.start())
                        if name not in out or rank[s] > rank[out[name]]:
                            out[name] = s
        return out

    def features(self, report):
        tags = self.tag(report)
        feats = {}
        for name in self.findings:
            st = tags.get(name)
            feats[f"{name}_pos"] = int(st == "affirmed")
            feats[f"{name}_unc"] = int(st == "uncertain")
            feats[f"{name}_neg"] = int(st == "negated")
        return feats
