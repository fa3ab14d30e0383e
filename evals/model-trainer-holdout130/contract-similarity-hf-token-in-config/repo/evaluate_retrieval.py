import json

import numpy as np
import pandas as pd
import yaml

from embed import bank_embeddings, embed_texts, load_model


def recall_at_k(ranked_ids, relevant_id, k):
    return float(relevant_id in ranked_ids[:k])


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    model = load_model(cfg)
    bank, bank_emb = bank_embeddings(model, cfg)
    pairs = pd.read_csv(cfg["eval"]["pairs"])

    q_emb = embed_texts(model, pairs["query_text"].tolist(), cfg["model"]["batch_size"])
    sims = q_emb @ bank_emb.T
    order = np.argsort(-sims, axis=1)[:, :max(cfg["eval"]["k"])]
    clause_ids = bank["clause_id"].to_numpy()

    results, mrr = {f"recall@{k}": [] for k in cfg["eval"]["k"]}, []
    for qi, rel in enumerate(pairs["relevant_clause_id"]):
        ranked = clause_ids[order[qi]]
        for k in cfg["eval"]["k"]:
            results[f"recall@{k}"].append(recall_at_k(ranked, rel, k))
        hit = np.where(ranked == rel)[0]
        mrr.append(1.0 / (hit[0] + 1) if len(hit) else 0.0)

    summary = {name: round(float(np.mean(v)), 4) for name, v in results.items()}
    summary["mrr@10"] = round(float(np.mean(mrr)), 4)
    summary["n_queries"] = len(pairs)
    print(json.dumps(summary, indent=2))
    json.dump(summary, open("retrieval_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
