import torch
import torch.nn.functional as F


def mean_pool(last_hidden, attention_mask):
    mask = attention_mask.unsqueeze(-1).float()
    return (last_hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)


def embed_batch(model, tok, texts, device, max_length):
    batch = tok(list(texts), padding=True, truncation=True, max_length=max_length, return_tensors="pt").to(device)
    out = model(**batch).last_hidden_state
    return F.normalize(mean_pool(out, batch["attention_mask"]), dim=-1)


@torch.no_grad()
def encode(model, tok, texts, device, max_length=64, batch_size=128):
    model.eval()
    chunks = []
    for i in range(0, len(texts), batch_size):
        chunks.append(embed_batch(model, tok, texts[i:i + batch_size], device, max_length).cpu())
    return torch.cat(chunks).numpy()
