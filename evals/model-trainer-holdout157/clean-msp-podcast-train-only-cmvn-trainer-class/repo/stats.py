"""Kaldi-style global CMVN from the Train partition only (fbank80 .npy cached per utterance)."""
import os

import numpy as np
import pandas as pd
import yaml


def compute_cmvn(file_names, fbank_dir):
    acc = np.zeros(80, dtype=np.float64)
    acc2 = np.zeros(80, dtype=np.float64)
    n = 0
    for name in file_names:
        x = np.load(os.path.join(fbank_dir, name.replace(".wav", ".npy")))   # (T, 80)
        acc += x.sum(0)
        acc2 += (x.astype(np.float64) ** 2).sum(0)
        n += len(x)
    mean = acc / n
    return mean, np.sqrt(np.maximum(acc2 / n - mean ** 2, 1e-10))


if __name__ == "__main__":
    cfg = yaml.safe_load(open("config.yaml"))
    lab = pd.read_csv(cfg["paths"]["labels"])
    train_files = lab.loc[lab.Split_Set == "Train", "FileName"]
    mean, std = compute_cmvn(train_files, cfg["paths"]["fbank_dir"])
    os.makedirs(os.path.dirname(cfg["paths"]["stats"]), exist_ok=True)
    np.savez(cfg["paths"]["stats"], mean=mean, std=std)
    print(f"CMVN from {len(train_files)} Train utterances")
