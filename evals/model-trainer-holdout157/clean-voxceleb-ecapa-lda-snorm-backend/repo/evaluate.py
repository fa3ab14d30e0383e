import numpy as np
import yaml

from backend import CosineLDABackend, eer, min_dcf

cfg = yaml.safe_load(open("config.yaml"))


def load(split):
    d = np.load(cfg["embeddings"][split])
    return dict(zip(d["utt"], d["emb"]))


def read_trials(path):
    lab, a, b = zip(*(l.split() for l in open(path) if l.strip()))
    return np.array(lab, dtype=int), list(a), list(b)


def run_trials(backend, table, trials):
    lab, a, b = trials
    return backend.score(np.stack([table[u] for u in a]), np.stack([table[u] for u in b])), lab


dev = load("dev")
calib_spk = {l.strip() for l in open(cfg["calibration_speakers"])}
bk_utts = [u for u in dev if u.split("/")[0] not in calib_spk]
backend = CosineLDABackend(cfg["backend"]["lda_dim"], cfg["backend"]["snorm_top_k"]).fit(
    np.stack([dev[u] for u in bk_utts]), np.array([u.split("/")[0] for u in bk_utts]))

cal_scores, cal_lab = run_trials(backend, dev, read_trials(cfg["calibration_trials"]))
cal_eer, threshold = eer(cal_scores, cal_lab)
print(f"calibration EER {100 * cal_eer:.2f}%  -> operating threshold {threshold:.3f}")

test = load("test")
scores, lab = run_trials(backend, test, read_trials(cfg["test_trials"]))
test_eer, _ = eer(scores, lab)
decision = scores >= threshold
far = decision[lab == 0].mean()
frr = 1 - decision[lab == 1].mean()
print(f"Vox1-O  EER {100 * test_eer:.2f}%  minDCF(0.01) {min_dcf(scores, lab):.4f}")
print(f"at calibration threshold: FAR {100 * far:.2f}%  FRR {100 * frr:.2f}%")
