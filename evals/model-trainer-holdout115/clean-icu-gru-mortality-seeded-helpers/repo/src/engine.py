import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, opt, loss_fn):
    model.train()
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


@torch.inference_mode()
def evaluate(model, loader):
    model.eval()
    ps, ys = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb)))
        ys.append(yb)
    p, y = torch.cat(ps).numpy(), torch.cat(ys).numpy()
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p)}
