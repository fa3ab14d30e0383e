"""Build a closed-set speaker-ID manifest: per speaker, utterances split 80/10/10 (stratified by speaker)."""
import glob
import os

import pandas as pd
from omegaconf import OmegaConf
from sklearn.model_selection import train_test_split


def build_manifest(cfg):
    paths = sorted(glob.glob(os.path.join(cfg.data.librispeech, "*", "*", "*.flac")))
    df = pd.DataFrame({"path": paths, "speaker": [p.split(os.sep)[-3] for p in paths]})
    rest, test = train_test_split(df, test_size=0.1, stratify=df["speaker"], random_state=cfg.run.seed)
    train, val = train_test_split(rest, test_size=1 / 9, stratify=rest["speaker"], random_state=cfg.run.seed)
    df["split"] = "train"
    df.loc[val.index, "split"] = "val"
    df.loc[test.index, "split"] = "test"
    df.to_csv(cfg.data.manifest, index=False)
    return df


if __name__ == "__main__":
    print(build_manifest(OmegaConf.load("conf.yaml"))["split"].value_counts())
