"""Evaluate few-shot enrolment of new SKUs.

val_enrolment.csv  : SKUs launched in March (used to pick the rejection threshold)
test_enrolment.csv : SKUs launched in April-May (disjoint from March and from backbone training)
Each file has role=support (k reference shots per SKU) and role=query (shelf crops,
some of products that are not enrolled at all).
"""
import argparse
import json
import random

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn.functional as F
from PIL import Image
from sklearn.metrics import f1_score
from torchvision import transforms as T

UNKNOWN = -1
TF = T.Compose([T.Resize((260, 260)), T.ToTensor(),
                T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])


@torch.no_grad()
def embed(model, paths, device, bs=64):
    out = []
    for i in range(0, len(paths), bs):
        x = torch.stack([TF(Image.open(p).convert("RGB")) for p in paths[i:i + bs]]).to(device)
        out.append(F.normalize(model(x), dim=1).cpu())
    return torch.cat(out)


def episode(model, csv_path, device):
    df = pd.read_csv(csv_path)
    sup, qry = df[df.role == "support"], df[df.role == "query"]
    s_emb = embed(model, sup.path.tolist(), device)
    q_emb = embed(model, qry.path.tolist(), device)
    skus = np.sort(sup.sku_id.unique())
    sup_sku = sup.sku_id.to_numpy()
    protos = F.normalize(torch.stack([s_emb[torch.from_numpy(sup_sku == s)].mean(0) for s in skus]), dim=1)
    sims = q_emb @ protos.T
    best_sim, best_idx = sims.max(1)
    y = np.where(qry.sku_id.isin(skus), qry.sku_id, UNKNOWN)
    return skus[best_idx.numpy()], best_sim.numpy(), y


def apply_threshold(nearest, sim, t):
    pred = nearest.copy()
    pred[sim < t] = UNKNOWN
    return pred


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="runs/supcon_effb2/backbone.pt")
    ap.add_argument("--val", default="data/enrolment/val_enrolment.csv")
    ap.add_argument("--test", default="data/enrolment/test_enrolment.csv")
    args = ap.parse_args()

    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = timm.create_model("efficientnet_b2", pretrained=False, num_classes=0)
    model.load_state_dict(torch.load(args.ckpt, map_location="cpu"))
    model = model.to(device).eval()

    # 1) threshold from the validation enrolment
    v_near, v_sim, v_y = episode(model, args.val, device)
    grid = np.arange(0.30, 0.91, 0.01)
    v_scores = [f1_score(v_y, apply_threshold(v_near, v_sim, t), average="macro") for t in grid]
    thr = float(grid[int(np.argmax(v_scores))])
    print(f"threshold={thr:.2f} (val macro-F1 {max(v_scores):.4f})")

    # 2) test enrolment: prototypes from its own support shots, scored once at thr
    t_near, t_sim, t_y = episode(model, args.test, device)
    t_pred = apply_threshold(t_near, t_sim, thr)
    known = t_y != UNKNOWN
    res = {
        "threshold": thr,
        "test_open_set_macro_f1": float(f1_score(t_y, t_pred, average="macro")),
        "test_known_acc": float((t_pred[known] == t_y[known]).mean()),
        "test_unknown_recall": float((t_pred[~known] == UNKNOWN).mean()),
        "test_false_reject_rate": float((t_pred[known] == UNKNOWN).mean()),
    }
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
