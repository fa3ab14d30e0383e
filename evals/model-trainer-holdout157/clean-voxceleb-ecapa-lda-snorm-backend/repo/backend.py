import numpy as np
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import roc_curve


def l2n(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


class CosineLDABackend:
    """Centering + LDA + cosine scoring with symmetric score normalisation (S-norm)."""

    def __init__(self, lda_dim=150, top_k=300):
        self.lda_dim, self.top_k = lda_dim, top_k

    def fit(self, emb, spk):
        self.mu = emb.mean(0)
        self.lda = LinearDiscriminantAnalysis(n_components=self.lda_dim, solver="eigen", shrinkage=0.1)
        self.lda.fit(l2n(emb - self.mu), spk)
        z = self.transform(emb)
        self.cohort = l2n(np.stack([z[spk == s].mean(0) for s in np.unique(spk)]))
        return self

    def transform(self, emb):
        return l2n(self.lda.transform(l2n(emb - self.mu)))

    def _cohort_stats(self, z):
        s = np.sort(z @ self.cohort.T, axis=1)[:, -self.top_k:]
        return s.mean(1), s.std(1)

    def score(self, enr, tst):
        e, t = self.transform(enr), self.transform(tst)
        raw = (e * t).sum(1)
        me, se = self._cohort_stats(e)
        mt, st = self._cohort_stats(t)
        return 0.5 * ((raw - me) / se + (raw - mt) / st)


def eer(scores, labels):
    fpr, tpr, thr = roc_curve(labels, scores)
    fnr = 1 - tpr
    i = np.nanargmin(np.abs(fnr - fpr))
    return (fpr[i] + fnr[i]) / 2, thr[i]


def min_dcf(scores, labels, p_target=0.01, c_miss=1, c_fa=1):
    fpr, tpr, _ = roc_curve(labels, scores)
    dcf = c_miss * (1 - tpr) * p_target + c_fa * fpr * (1 - p_target)
    return dcf.min() / min(c_miss * p_target, c_fa * (1 - p_target))
