import argparse

import joblib
import torch
from sklearn.metrics import roc_auc_score, average_precision_score
from torch.utils.data import DataLoader

from attrition.data import make_datasets
from attrition.model import AttritionNet
from attrition.utils import seed_everything


def run_epoch(model, loader, loss_fn, opt):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.size(0)
    return total / len(loader.dataset)


@torch.inference_mode()
def evaluate(model, loader):
    model.eval()
    ps, ys = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb)))
        ys.append(yb)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return roc_auc_score(y, p), average_precision_score(y, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/hr_attrition.csv")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=8)
    args = ap.parse_args()

    seed_everything(args.seed)
    train_ds, val_ds, test_ds, scaler = make_datasets(args.csv, args.seed)
    train_dl = DataLoader(train_ds, batch_size=64, shuffle=True, drop_last=True)
    val_dl = DataLoader(val_ds, batch_size=512)
    test_dl = DataLoader(test_ds, batch_size=512)

    model = AttritionNet(n_in=train_ds.tensors[0].shape[1])
    pos_frac = train_ds.tensors[1].mean()
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=(1 - pos_frac) / pos_frac)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)

    best_auc, best_state, wait = 0.0, None, 0
    for epoch in range(args.epochs):
        tr_loss = run_epoch(model, train_dl, loss_fn, opt)
        val_auc, val_ap = evaluate(model, val_dl)
        print(f"epoch {epoch:3d} loss {tr_loss:.4f} val_auc {val_auc:.4f} val_ap {val_ap:.4f}")
        if val_auc > best_auc:
            best_auc, wait = val_auc, 0
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(best_state)
    test_auc, test_ap = evaluate(model, test_dl)
    print(f"best val auc {best_auc:.4f} | TEST auc {test_auc:.4f} ap {test_ap:.4f}")
    torch.save(model.state_dict(), "attrition_net.pt")
    joblib.dump(scaler, "attrition_scaler.joblib")


if __name__ == "__main__":
    main()
