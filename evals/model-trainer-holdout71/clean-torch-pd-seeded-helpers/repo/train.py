"""Credit-card application PD: embedding MLP vs logistic regression baseline."""
import json
import sys
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from riskmlp.data import build_splits, make_loader
from riskmlp.model import EmbeddingMLP
from riskmlp.utils import set_seed


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.sigmoid(model(xn.to(device), xc.to(device))).cpu() for xn, xc, _ in loader]
    return torch.cat(out).numpy()


def metrics(y, p):
    return {"auc": round(roc_auc_score(y, p), 4), "pr_auc": round(average_precision_score(y, p), 4),
            "brier": round(brier_score_loss(y, p), 5)}


def main(cfg_path="configs/default.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    gen = set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    parts, prep, _, _, _ = build_splits(cfg, cfg["seed"])
    tcfg = cfg["train"]
    train_dl = make_loader(parts["train"], tcfg["batch_size"], shuffle=True, generator=gen)
    val_dl = make_loader(parts["val"], 4096, shuffle=False)
    test_dl = make_loader(parts["test"], 4096, shuffle=False)

    model = EmbeddingMLP(len(cfg["data"]["numeric"]), prep.cardinalities, **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    loss_fn = torch.nn.BCEWithLogitsLoss()

    best, stale, ckpt = -np.inf, 0, out_dir / "best.pt"
    y_val = parts["val"][2].numpy()
    for epoch in range(tcfg["max_epochs"]):
        model.train()
        for xn, xc, yb in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xn.to(device), xc.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        val_auc = roc_auc_score(y_val, predict(model, val_dl, device))
        print(f"epoch {epoch:02d} last_batch_loss={loss.item():.4f} val_auc={val_auc:.4f}")
        if val_auc > best:
            best, stale = val_auc, 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    y_test = parts["test"][2].numpy()
    p_mlp = predict(model, test_dl, device)

    x_tr = parts["train"][0].numpy()
    x_te = parts["test"][0].numpy()
    logit = LogisticRegression(max_iter=3000).fit(x_tr, parts["train"][2].numpy())
    report = {"mlp": metrics(y_test, p_mlp), "logit_numeric": metrics(y_test, logit.predict_proba(x_te)[:, 1]),
              "best_val_auc": round(float(best), 4)}
    print(json.dumps(report, indent=2))
    (out_dir / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
