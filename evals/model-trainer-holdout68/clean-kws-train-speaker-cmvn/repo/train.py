"""Train the CRNN keyword spotter on cached log-mels with speaker-disjoint splits."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader

from kws.data import CachedLogMel, split_speakers
from kws.model import CRNN
from kws.norm import apply_cmvn, fit_cmvn, save_cmvn

params = yaml.safe_load(open("params.yaml"))
seed = params["seed"]
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)

run_dir = Path(params["run_dir"])
run_dir.mkdir(parents=True, exist_ok=True)
feature_dir = params["feature_dir"]
manifest = pd.read_csv(params["manifest"])
labels = sorted(manifest["label"].unique())
label_to_idx = {l: i for i, l in enumerate(labels)}

train_df, val_df, test_df = split_speakers(manifest, params["split"]["test_size"], params["split"]["val_size"], seed)
cmvn = fit_cmvn(train_df, feature_dir)
save_cmvn(cmvn, run_dir / "cmvn.json")

bs = params["train"]["batch_size"]
train_dl = DataLoader(CachedLogMel(train_df, feature_dir, cmvn, label_to_idx), batch_size=bs, shuffle=True,
                      num_workers=4, generator=torch.Generator().manual_seed(seed))
val_dl = DataLoader(CachedLogMel(val_df, feature_dir, cmvn, label_to_idx), batch_size=256)
test_dl = DataLoader(CachedLogMel(test_df, feature_dir, cmvn, label_to_idx), batch_size=256)


def predict(model, loader, device):
    model.eval()
    preds, golds, loss_sum = [], [], 0.0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            loss_sum += torch.nn.functional.cross_entropy(logits, y.to(device), reduction="sum").item()
            preds.extend(logits.argmax(1).cpu().tolist())
            golds.extend(y.tolist())
    return loss_sum / len(golds), np.array(golds), np.array(preds)


device = "cuda" if torch.cuda.is_available() else "cpu"
model = CRNN(params["features"]["n_mels"], len(labels)).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=params["train"]["lr"], weight_decay=1e-3)

best_loss, wait = float("inf"), 0
for epoch in range(params["train"]["epochs"]):
    model.train()
    for x, y in train_dl:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x.to(device)), y.to(device))
        loss.backward()
        optimizer.step()
    val_loss, val_y, val_p = predict(model, val_dl, device)
    print(f"epoch {epoch:02d} val_loss {val_loss:.4f} val_macro_f1 {f1_score(val_y, val_p, average='macro'):.4f}")
    if val_loss < best_loss:
        best_loss, wait = val_loss, 0
        torch.save(model.state_dict(), run_dir / "crnn_best.pt")
    else:
        wait += 1
        if wait >= params["train"]["patience"]:
            break

model.load_state_dict(torch.load(run_dir / "crnn_best.pt", map_location=device))
_, test_y, test_p = predict(model, test_dl, device)


def pooled(frame):
    return np.stack([apply_cmvn(np.load(f"{feature_dir}/{u}.npy"), cmvn).mean(axis=1) for u in frame["utt_id"]])


baseline = LogisticRegression(max_iter=2000, C=1.0).fit(pooled(train_df), train_df["label"].map(label_to_idx))
base_p = baseline.predict(pooled(test_df))

results = {
    "crnn": {"accuracy": accuracy_score(test_y, test_p), "macro_f1": f1_score(test_y, test_p, average="macro")},
    "logreg_pooled_logmel": {"accuracy": accuracy_score(test_y, base_p),
                             "macro_f1": f1_score(test_y, base_p, average="macro")},
}
print(json.dumps(results, indent=2))
(run_dir / "results.json").write_text(json.dumps(results, indent=2))
