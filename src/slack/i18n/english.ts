/** An English catalogue must have exactly the keys and parameters of its Japanese one. */
export type English<Ja> = { [K in keyof Ja]: Ja[K] };
