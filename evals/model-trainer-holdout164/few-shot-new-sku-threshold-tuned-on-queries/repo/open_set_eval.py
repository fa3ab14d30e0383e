"""Open-set recognition for newly listed SKUs.

Each new product gets k reference shots (catalog + a few store photos). Shelf crops
are matched to the nearest prototype; crops whose best cosine similarity is below a
threshold are flagged as unknown (not enrolled yet / out of assortment).
"""
import argparse
import json

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn.functional as F
from PIL import Image
from sklearn.metrics import f1_score, precision_recall_fscore_support
from torchvision import transforms as T

UNKNOWN = -1


def load_backbone(ckpt, arch, device):
    model = timm.create_model(arch, pretrained=False, num_classes=0)
    state = torch.load(ckpt, map_location="cpu")
    model.load_state_dict(state["backbone"])
    return model.to(device).eval()


@torch.no_grad()
def embed_paths(model, paths, tf, device, bs=64):
    feats = []
    for i in range(0, len(paths), bs):
        batch = torch.stack([tf(Image.open(p).convert("RGB")) for p in paths[i:i + bs]])
        feats.append(F.normalize(model(batch.to(device)), dim=1).cpu())
    return torch.cat(feats)


def build_prototypes(support_emb, support_labels):
    labels = np.unique(support_labels)
    protos = torch.stack([support_emb[torch.from_numpy(support_labels == c)].mean(0) for c in labels])
    return F.normalize(protos, dim=1), labels


def predict(query_emb, protos, proto_labels, threshold):
    sims = query_emb @ protos.T
    best, idx = sims.max(dim=1)
    pred = proto_labels[idx.numpy()]
    pred[best.numpy() < threshold] = UNKNOWN
    return pred, best.numpy()


def open_set_f1(y_true, y_pred):
    # macro over enrolled SKUs + "unknown" as its own class
    return f1_score(y_true, y_pred, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="runs/supcon_effnet_b2/last.pt")
    ap.add_argument("--arch", default="efficientnet_b2")
    ap.add_argument("--episodes", default="data/new_sku_eval_2024_05.csv")
    ap.add_argument("--out", default="results/open_set_2024_05.json")
    args = ap.parse_args()

    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tf = T.Compose([
        T.Resize((260, 260)),
        T.ToTensor(),
        T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])
    model = load_backbone(args.ckpt, args.arch, device)

    # role: support (reference shots of enrolled new SKUs) | query (shelf crops, may be unenrolled)
    df = pd.read_csv(args.episodes)
    support = df[df.role == "support"].reset_index(drop=True)
    query = df[df.role == "query"].reset_index(drop=True)
    enrolled = set(support.sku_id)
    y_query = np.where(query.sku_id.isin(enrolled), query.sku_id, UNKNOWN)
    print(f"{len(enrolled)} enrolled SKUs, {len(support)} shots, {len(query)} queries, "
          f"{(y_query == UNKNOWN).mean():.1%} unknown")

    s_emb = embed_paths(model, support.path.tolist(), tf, device)
    q_emb = embed_paths(model, query.path.tolist(), tf, device)
    protos, proto_labels = build_prototypes(s_emb, support.sku_id.to_numpy())

    grid = np.round(np.arange(0.30, 0.91, 0.02), 2)
    scores = []
    for t in grid:
        pred, _ = predict(q_emb, protos, proto_labels, t)
        scores.append(open_set_f1(y_query, pred))
    best_t = float(grid[int(np.argmax(scores))])

    pred, _ = predict(q_emb, protos, proto_labels, best_t)
    known = y_query != UNKNOWN
    closed_acc = float((pred[known] == y_query[known]).mean())
    p, r, f, _ = precision_recall_fscore_support(y_query == UNKNOWN, pred == UNKNOWN, average="binary")
    results = {
        "threshold": best_t,
        "open_set_macro_f1": float(open_set_f1(y_query, pred)),
        "closed_set_acc": closed_acc,
        "unknown_precision": float(p),
        "unknown_recall": float(r),
        "unknown_f1": float(f),
    }
    print(json.dumps(results, indent=2))
    with open(args.out, "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
