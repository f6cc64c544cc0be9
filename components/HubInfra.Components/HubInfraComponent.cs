using Pulumi;

namespace HubInfra.Components;

/// <summary>
/// What every HubInfra component shares, so that it reads like any Pulumi component:
/// <list type="bullet">
/// <item>its type token is <c>hubinfra:index:&lt;ClassName&gt;</c> (<see cref="TypeOf"/>); a component whose token changed
/// since stacks were created passes its former token as an alias, so Pulumi matches the existing resources instead of
/// replacing them (children inherit their parent's aliases);</item>
/// <item>its resources are its children (<see cref="Child"/>, <see cref="ChildComponent"/>);</item>
/// <item>dependsOn is passed one way: in the component's options. Pulumi does not copy a component's dependsOn to its
/// children, so each child gets it here: every resource in a component waits for what the component waits for, and
/// the dependency is recorded in the state, which orders deletes too.</item>
/// </list>
/// </summary>
public abstract class HubInfraComponent : ComponentResource
{
    private readonly InputList<Resource> _dependsOn;

    /// <param name="className">The class's own name (<c>nameof</c>): the last part of the type token.</param>
    /// <param name="formerly">Aliases for the type (and parent) the component had before, if it changed.</param>
    protected HubInfraComponent(string className, string name, ComponentResourceOptions? options, params Alias[] formerly)
        : base(TypeOf(className), name, WithAliases(options, formerly))
    {
        _dependsOn = new InputList<Resource>();
        if (options is not null)
            _dependsOn.AddRange(options.DependsOn);
    }

    /// <summary>The type token of a component class: <c>hubinfra:index:&lt;ClassName&gt;</c>.</summary>
    public static string TypeOf(string className) => $"hubinfra:index:{className}";

    /// <summary>Options of a resource of this component: parented to it and waiting for what it waits for.</summary>
    protected CustomResourceOptions Child(bool protect = false)
    {
        var options = new CustomResourceOptions { Parent = this, Protect = protect };
        options.DependsOn.AddRange(_dependsOn);
        return options;
    }

    /// <summary>Options of a resource of this component that also waits for <paramref name="first"/>.</summary>
    protected CustomResourceOptions ChildAfter(Resource first)
    {
        var options = Child();
        options.DependsOn.Add(first);
        return options;
    }

    /// <summary>Options of a component inside this one that also waits for <paramref name="first"/>.</summary>
    protected ComponentResourceOptions ChildComponentAfter(Resource first)
    {
        var options = ChildComponent();
        options.DependsOn.Add(first);
        return options;
    }

    /// <summary>Options of a component inside this one: parented to it and waiting for what it waits for.</summary>
    protected ComponentResourceOptions ChildComponent()
    {
        var options = new ComponentResourceOptions { Parent = this };
        options.DependsOn.AddRange(_dependsOn);
        return options;
    }

    private static ComponentResourceOptions? WithAliases(ComponentResourceOptions? options, Alias[] formerly)
    {
        if (formerly.Length == 0)
            return options;
        var aliases = new ComponentResourceOptions();
        foreach (var alias in formerly)
            aliases.Aliases.Add(alias);
        return ComponentResourceOptions.Merge(options, aliases);
    }
}
