import torch
import torch.nn.functional as F


@torch.inference_mode()
def evaluate_retrieval(model, tokenizer, loader, items, device, ks=(1, 5, 10)):
    model.eval()
    img = torch.cat([F.normalize(model.encode_image(x.to(device)), dim=-1) for x in loader])
    captions = [c for _, caps in items for c in caps]
    owner = torch.tensor([i for i, (_, caps) in enumerate(items) for _ in caps], device=device)
    txt = torch.cat([F.normalize(model.encode_text(tokenizer(captions[j:j + 512]).to(device)), dim=-1)
                     for j in range(0, len(captions), 512)])
    sims = img @ txt.t()  # (images, captions)
    res = {}
    i2t = sims.topk(max(ks), dim=1).indices
    i2t_hit = owner[i2t] == torch.arange(len(items), device=device)[:, None]
    t2i = sims.t().topk(max(ks), dim=1).indices
    t2i_hit = t2i == owner[:, None]
    for k in ks:
        res[f"i2t_R@{k}"] = 100 * i2t_hit[:, :k].any(1).float().mean().item()
        res[f"t2i_R@{k}"] = 100 * t2i_hit[:, :k].any(1).float().mean().item()
    res["mR"] = sum(res.values()) / len(res)
    return res
