import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, scheduler, loss_fn, accum_steps):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total = 0.0
    for step, (x_cat, x_num, y) in enumerate(loader, start=1):
        loss = loss_fn(model(x_cat, x_num), y) / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if step % accum_steps == 0 or step == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
    return total / len(loader)


@torch.inference_mode()
def predict_proba(model, loader):
    model.eval()
    return torch.cat([torch.sigmoid(model(xc, xn)) for xc, xn, _ in loader]).numpy()


def scores(y_true, proba):
    y_true = np.asarray(y_true)
    return {"roc_auc": roc_auc_score(y_true, proba), "pr_auc": average_precision_score(y_true, proba)}
