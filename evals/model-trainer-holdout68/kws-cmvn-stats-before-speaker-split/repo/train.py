"""Train the 12-class keyword spotter on the in-house command set (v3 recordings)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader
from tqdm import tqdm

from kws.data import KeywordDataset, speaker_split
from kws.features import LogMel, compute_global_stats, load_clip
from kws.model import KeywordCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def extract_all(manifest, audio_root, featurizer):
    feats = {}
    for row in tqdm(manifest.itertuples(), total=len(manifest), desc="log-mel"):
        wav = load_clip(Path(audio_root) / row.path)
        feats[row.utt_id] = featurizer(wav).numpy()
    return feats


def run_epoch(model, loader, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    losses, preds, golds = [], [], []
    with torch.set_grad_enabled(training):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = torch.nn.functional.cross_entropy(logits, y)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            losses.append(loss.item())
            preds.extend(logits.argmax(1).cpu().tolist())
            golds.extend(y.cpu().tolist())
    return float(np.mean(losses)), golds, preds


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    manifest = pd.read_csv(cfg["manifest"])
    labels = sorted(manifest["label"].unique())
    label_to_idx = {l: i for i, l in enumerate(labels)}

    featurizer = LogMel(n_mels=cfg["n_mels"])
    features = extract_all(manifest, cfg["audio_root"], featurizer)
    mean, std = compute_global_stats(features.values())
    np.savez(out_dir / "cmvn.npz", mean=mean, std=std)

    train_df, val_df, test_df = speaker_split(manifest, cfg["test_size"], cfg["val_size"], cfg["seed"])
    print(f"speakers train={train_df.speaker_id.nunique()} val={val_df.speaker_id.nunique()} "
          f"test={test_df.speaker_id.nunique()}")

    def loader(df, shuffle):
        ds = KeywordDataset(df, features, mean, std, label_to_idx)
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, num_workers=4)

    train_dl, val_dl, test_dl = loader(train_df, True), loader(val_df, False), loader(test_df, False)

    model = KeywordCNN(n_classes=len(labels)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=2)

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        tr_loss, _, _ = run_epoch(model, train_dl, device, optimizer)
        val_loss, val_y, val_p = run_epoch(model, val_dl, device)
        scheduler.step(val_loss)
        print(f"epoch {epoch:02d} train {tr_loss:.4f} val {val_loss:.4f} "
              f"val_acc {accuracy_score(val_y, val_p):.4f}")
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    _, test_y, test_p = run_epoch(model, test_dl, device)
    results = {
        "test_accuracy": accuracy_score(test_y, test_p),
        "test_macro_f1": f1_score(test_y, test_p, average="macro"),
    }
    print(classification_report(test_y, test_p, target_names=labels, digits=4))
    (out_dir / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    main(yaml.safe_load(open(args.config)))
