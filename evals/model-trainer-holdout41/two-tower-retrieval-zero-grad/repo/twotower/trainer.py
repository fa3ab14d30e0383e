import numpy as np
import torch


def train_epoch(model, loader, optimizer, device, log_every=200):
    model.train()
    running, n = 0.0, 0
    optimizer.zero_grad()
    for step, (u, u_dense, i, i_dense, logq) in enumerate(loader):
        u, u_dense = u.to(device), u_dense.to(device)
        i, i_dense, logq = i.to(device), i_dense.to(device), logq.to(device)
        loss = model.in_batch_loss(u, u_dense, i, i_dense, logq)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
        optimizer.step()
        running += loss.item() * len(u)
        n += len(u)
        if step % log_every == 0:
            print(f"  step {step:5d} loss {loss.item():.4f}")
    return running / max(n, 1)


@torch.no_grad()
def recall_at_k(model, holdout, seen_by_user, user_dense, item_dense, device, k=50, batch=1024):
    model.eval()
    n_items = item_dense.shape[0]
    item_ids = torch.arange(n_items, device=device)
    item_vecs = model.item_tower(item_ids, torch.as_tensor(item_dense, dtype=torch.float32, device=device))
    targets = holdout.groupby("user_idx")["item_idx"].apply(set)
    users = targets.index.to_numpy()
    recalls = []
    for start in range(0, len(users), batch):
        ub = users[start:start + batch]
        u_t = torch.as_tensor(ub, device=device)
        u_vec = model.user_tower(u_t, torch.as_tensor(user_dense[ub], dtype=torch.float32, device=device))
        scores = u_vec @ item_vecs.T
        for row, u in enumerate(ub):
            seen = list(seen_by_user.get(u, ()))
            if seen:
                scores[row, seen] = -float("inf")
        top = torch.topk(scores, k, dim=1).indices.cpu().numpy()
        for row, u in enumerate(ub):
            tgt = targets[u]
            recalls.append(len(tgt.intersection(top[row])) / min(len(tgt), k))
    return float(np.mean(recalls))


def popularity_recall(train, holdout, k=50):
    top = set(train["item_idx"].value_counts().index[:k])
    targets = holdout.groupby("user_idx")["item_idx"].apply(set)
    return float(np.mean([len(t & top) / min(len(t), k) for t in targets]))
