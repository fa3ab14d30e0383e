import torch


def _gallery_index(img_ids):
    first = {}
    for pos, image_id in enumerate(img_ids.tolist()):
        first.setdefault(image_id, pos)
    ids = sorted(first)
    return torch.tensor(ids), torch.tensor([first[i] for i in ids])


def retrieval_metrics(img_feats, txt_feats, img_ids, ks=(1, 5, 10)):
    """Recall@K in both directions. Features must already be L2-normalised."""
    gallery_ids, first = _gallery_index(img_ids)
    gallery = img_feats[first]
    sims = txt_feats @ gallery.t()  # (num_captions, num_images)
    out = {}

    top = sims.topk(max(ks), dim=1).indices
    hits = gallery_ids[top] == img_ids.unsqueeze(1)
    for k in ks:
        out[f"t2i_r{k}"] = 100.0 * hits[:, :k].any(dim=1).float().mean().item()

    top = sims.t().topk(max(ks), dim=1).indices
    hits = img_ids[top] == gallery_ids.unsqueeze(1)
    for k in ks:
        out[f"i2t_r{k}"] = 100.0 * hits[:, :k].any(dim=1).float().mean().item()

    out["rsum"] = sum(out.values())
    return out
