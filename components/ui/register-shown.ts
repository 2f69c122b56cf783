import { get, type FieldPath, type FieldValues, type RegisterOptions, type UseFormRegisterReturn, type UseFormReturn } from "react-hook-form";

type ShownRegister<T extends FieldValues> = <N extends FieldPath<T>>(name: N, options?: RegisterOptions<T, N>) => UseFormRegisterReturn<N> & { defaultValue?: string | number; defaultChecked?: boolean };

/**
 * react-hook-form's `register`, plus the field's starting value as the element's HTML default
 * (`defaultChecked` for a boolean). react-hook-form writes starting values into the fields only
 * once its code runs, so without this the server's HTML shows an edit form empty; with it the
 * page is right before it is live, and a form can load its code at first interest
 * (components/ui/deferred.tsx).
 */
export function registerShown<T extends FieldValues, C, O>(form: Pick<UseFormReturn<T, C, O>, "register" | "formState">): ShownRegister<T> {
  return (name, options) => {
    const registered = form.register(name, options);
    const value: unknown = get(form.formState.defaultValues, name);
    if (typeof value === "boolean") return { ...registered, defaultChecked: value };
    if (typeof value === "string" || typeof value === "number") return { ...registered, defaultValue: value };
    return registered;
  };
}
