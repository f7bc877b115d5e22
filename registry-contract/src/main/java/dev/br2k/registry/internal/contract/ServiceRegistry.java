package dev.br2k.registry.internal.contract;

import io.reactivex.Flowable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.RemoteCall;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.BaseEventResponse;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple11;
import org.web3j.tx.Contract;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * <p>Auto generated code.
 * <p><strong>Do not modify!</strong>
 * <p>Please use the <a href="https://docs.web3j.io/command_line.html">web3j command line tools</a>,
 * or the org.web3j.codegen.SolidityFunctionWrapperGenerator in the 
 * <a href="https://github.com/hyperledger-web3j/web3j/tree/main/codegen">codegen module</a> to update.
 *
 * <p>Generated with web3j version 4.13.0.
 */
@SuppressWarnings("rawtypes")
public class ServiceRegistry extends Contract {
    public static final String BINARY = "60808060405234601557611f93908161001b8239f35b600080fdfe6080604052600436101561001257600080fd5b60003560e01c806301f2733c14610e015780630b6c979814610dd35780631890498814610d985780631b23a45c14610cbc57806327258b2214610c865780633217522814610c695780633ffdf11d14610bf85780635582c6b214610b3a5780635a628cee14610a9557806367d42a8b1461096b57806386ef097a146108865780638a8d9e7c146108275780638ccb9ea6146108095780638cf90fb8146106895780639271eea4146105c3578063a3bac08d1461050c578063a5332fb6146104de578063b6eaaa2614610494578063ce4cdb0514610395578063da47d85614610273578063f09ca3d814610243578063f14fcbc8146101805763f49826be1461011957600080fd5b3461017b57606036600319011261017b576004356001600160401b03811161017b5761017361016361015160209336906004016113a4565b919061015b6113e2565b9236916114b0565b9060443591848151910120611d36565b604051908152f35b600080fd5b3461017b57602036600319011261017b576004358060005260016020526040600020908154906001600160401b03821615158061020a575b6101f657506fffffffffffffffffffffffffffffffff1916436001600160401b0316174260401b6fffffffffffffffff000000000000000016179055005b630a059d7160e01b60005260045260246000fd5b506001600160401b038260401c1662015180810180911161022d574211156101b8565b634e487b7160e01b600052601160045260246000fd5b3461017b57604036600319011261017b576102716004356102626113d1565b9061026c81611e59565b611c7f565b005b3461017b57602036600319011261017b576004356000818152602081905260409020546001600160a01b0316156103815760005260006020526001600160401b03604060002061037d600364ffffffffff835493816002820154956102ee6001840154936102e760405180988193016117f7565b038661148f565b604080516001600160a01b038381168252808a16602083015285169181019190915297889761032760608a0160a085901c60ff1661146c565b61ffff8360a81c1660808a015261ffff8360b81c1660a08a015260a01c1660c088015260c81c1660e0860152818160a01c1661010086015260c81c1661012084015261016061014084015261016083019061142b565b0390f35b6397c1c13b60e01b60005260045260246000fd5b3461017b57602036600319011261017b576004356000818152602081905260409020546001600160a01b0316156103815760008181526020819052604090206002810180546001600160a01b0316330361047b5781546001600160a01b03198082163317909355815492831682556001600160a01b03169161043e919061041e9060e01c6119fc565b81546001600160e01b031660e09190911b6001600160e01b031916179055565b6104488282611e98565b6104528233611de8565b33917f50f22e16d46a56f7f1a6aca41d415efe528ae08b8fafc225862b22b81bd1c58c600080a4005b8263345a0fb160e21b6000526004523360245260446000fd5b3461017b57602036600319011261017b576004356001600160401b03811161017b576104d06104c960209236906004016113a4565b36916114b0565b818151910120604051908152f35b3461017b57604036600319011261017b576102716004356104fd6113d1565b9061050781611e59565b611bb6565b3461017b57604036600319011261017b57600435602435600481101561017b576000828152602081905260409020546001600160a01b031680156105ae5733141580610579575b6105605761027191611b3b565b506301e7a5bb60e71b6000526004523360245260446000fd5b5060008281526005602090815260408083208383528184206002015460e01c8452825280832033845290915290205415610553565b826397c1c13b60e01b60005260045260246000fd5b3461017b5760c036600319011261017b576004356001600160401b03811161017b576105f39036906004016113a4565b906024356001600160401b03811161017b576106139036906004016113a4565b9290916064356001600160401b03811161017b576106359036906004016113a4565b6084929192356001600160401b03811161017b576106579036906004016113a4565b93909260a435976001600160401b03891161017b5761067d6102719936906004016113a4565b98909760443593611a14565b3461017b57610697366113f8565b909180600052600060205260018060a01b036040600020541680156107f457331415806107bf575b6107a7578115610793578060005260006020526040600020916001830190600282549401805460016001600160401b038260a01c1601966001600160401b03881161022d577fc04a7bb7ed017bbbc5796e0208643ceb3d40310f117f4130e9a222f3c56cd5659464ffffffffff93610777936001600160401b0360a01b8b60a01b16906001600160401b0360a01b19161790558360a01b4360a01b168460a01b198916179055604051936040855260408501916114f6565b9460a01c166020820152806001600160401b03339616940390a4005b632b76bd3560e11b60005260045260246000fd5b6301e7a5bb60e71b6000526004523360245260446000fd5b5060008181526005602090815260408083208383528184206002015460e01c84528252808320338452909152902054156106bf565b506397c1c13b60e01b60005260045260246000fd5b3461017b57600036600319011261017b576020604051620151808152f35b3461017b57604036600319011261017b576004356108436113e2565b60009182526005602090815260408084208483528185206002015460e01c855282528084206001600160a01b039093168452918152918190205490519015158152f35b3461017b57602036600319011261017b57600435806000526004602052604060002090600052600060205263ffffffff60026040600020015460e01c1660005260205260406000206040518060208354918281520190819360005260206000209060005b81811061094c575050508161090091038261148f565b6040519182916020830190602084525180915260408301919060005b81811061092a575050500390f35b82516001600160a01b031684528594506020938401939092019160010161091c565b82546001600160a01b03168452602090930192600192830192016108ea565b3461017b57602036600319011261017b5760043561098881611e59565b806000526000602052604060002090610a2b6109b4600260018060a01b0385541694015460e01c6119fc565b6109be8385611e98565b8260005260006020526000600460408220828155826001820155826002820155600381016109ec8154611517565b9081610a52575b50500155600083815260208190526040902060020180546001600160e01b031660e09290921b6001600160e01b031916919091179055565b7f624e4f5c490ff0b478efc77f221f26656cd22107a633d5c87b3d7e2b3be162f5600080a3005b81601f869311600114610a695750555b87806109f3565b81835260208320610a8591601f0160051c810190600101611551565b8082528160208120915555610a62565b3461017b57610aa3366113f8565b9082600052600060205260018060a01b03604060002054168015610b255733141580610af0575b610ad7576102719261187a565b826301e7a5bb60e71b6000526004523360245260446000fd5b5060008381526005602090815260408083208383528184206002015460e01c8452825280832033845290915290205415610aca565b836397c1c13b60e01b60005260045260246000fd5b3461017b57602036600319011261017b576004356001600160a01b0381169081900361017b57600052600260205260406000206040518060208354918281520190819360005260206000209060005b818110610be25750505081610b9f91038261148f565b6040519182916020830190602084525180915260408301919060005b818110610bc9575050500390f35b8251845285945060209384019390920191600101610bbb565b8254845260209093019260019283019201610b89565b3461017b57602036600319011261017b576004356000818152602081905260409020546001600160a01b03161561038157600052600060205261037d610c4e610c556003604060002001604051928380926117f7565b038261148f565b60405191829160208352602083019061142b565b3461017b57600036600319011261017b5760206040516101188152f35b3461017b57602036600319011261017b576004356000526000602052602060018060a01b03604060002054161515604051908152f35b3461017b57610cca366113f8565b6000838152602081905260409020549192916001600160a01b0316156107f4576101188111610d7a576000828152602081905260409020600101805464ffffffffff60c81b1981164360c890811b64ffffffffff60c81b1691909117909255901c64ffffffffff16927f216f6e27b8ba2449286dba9d74c4e675372ee2a1f4dc93c3b15dd2c65565c7819190610d6c90604051926040845260408401916114f6565b9360208201528033940390a3005b906375cd53ab60e01b60005260045260245261011860445260646000fd5b3461017b57606036600319011261017b57600435610db46113e2565b60443590811515820361017b5782610dce61027194611e59565b6115fa565b3461017b57604036600319011261017b57610271600435610df26113e2565b90610dfc81611e59565b611568565b3461017b5761014036600319011261017b576004356001600160401b03811161017b57610e329036906004016113a4565b906024356001600160401b03811161017b57610e529036906004016113a4565b91906044356001600160401b03811161017b57610e739036906004016113a4565b9290946064359461ffff8616860361017b576084359361ffff8516850361017b5760c4356001600160401b03811161017b57610eb39036906004016113a4565b9060e4356001600160401b03811161017b57610ed39036906004016113a4565b919092610104356001600160401b03811161017b57610ef69036906004016113a4565b959096881561139357610f0a368a8c6114b0565b602081519101209c8d600052600060205260406000209b60018060a01b038d541661137e5761ffff821615801561136d575b61134a57610f508f61012435903390611d36565b806000526001602052604060002060405190604082018281106001600160401b038211176112e45760405254906001600160401b0382168082526001600160401b03602083019360401c16835215611335576001600160401b039051168043111561131d57506001600160401b0381511662015180810180911161022d5742116112fa575060009081526001602081905260408220919091558d5464ffffffffff60c81b4360c81b1668ffffffffffffffffff60a81b19339081167fffff000000000000000000ff00000000000000000000000000000000000000009093169290921761ffff60a81b60a887901b161761ffff60b81b60b886901b1617178f55908e0180546001600160a01b03191690911790558e9b9a999897969594939291908c908e6110878b8d8b8d8b8d60a4358c8e611d69565b6004909101556110978233611de8565b60405190606082528d8d60608401906110af926114f6565b9361ffff16602083015261ffff166040820152803393037f87d63fae3be24bfd6c5a4a87fac3c6d932a774c4bed42fefbbd1911668896aff91a3604051998a9960e08b5260e08b0190611101926114f6565b9089820360208b0152611113926114f6565b9060a4356040890152878203606089015261112d926114f6565b90858203608087015261113f926114f6565b9083820360a0850152611151926114f6565b60c0820160009052037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a28161118e575b602083604051908152f35b6003016001600160401b0382116112e457602093816111ae859354611517565b601f81116112a9575b50836000601f821160011461122857916111fc82600080516020611f3e83398151915295936112139560009161121d575b508160011b916000199060031b1c19161790565b90555b6040519182918883523396898401916114f6565b0390a38280611183565b90508401358b6111e8565b828152878120601f19871695949392509086815b87811061128c57509061121394939291600080516020611f3e833981519152969710611272575b5050600186811b0190556111ff565b830135600019600389901b60f8161c191690558880611263565b858301358455899650600190930192918a01918891508a0161123c565b6112d4908260005287600020601f870160051c8101918988106112da575b601f0160051c0190611551565b866111b7565b90915081906112c7565b634e487b7160e01b600052604160045260246000fd5b6001600160401b0390511690634634580360e11b60005260045260245260446000fd5b82632dcfcdd160e11b60005260045260245260446000fd5b8263836588c960e01b60005260045260246000fd5b61ffff8f928193631b4cb8b360e31b600052600452166024521660445260646000fd5b5061ffff811661ffff831611610f3c565b8e63ed03135f60e01b60005260045260246000fd5b632ef1310560e01b60005260046000fd5b9181601f8401121561017b578235916001600160401b03831161017b576020838186019501011161017b57565b6024359061ffff8216820361017b57565b602435906001600160a01b038216820361017b57565b90604060031983011261017b5760043591602435906001600160401b03821161017b57611427916004016113a4565b9091565b919082519283825260005b848110611457575050826000602080949584010152601f8019910116010190565b80602080928401015182828601015201611436565b9060048210156114795752565b634e487b7160e01b600052602160045260246000fd5b90601f801991011681019081106001600160401b038211176112e457604052565b9291926001600160401b0382116112e457604051916114d9601f8201601f19166020018461148f565b82948184528183011161017b578281602093846000960137010152565b908060209392818452848401376000828201840152601f01601f1916010190565b90600182811c92168015611547575b602083101461153157565b634e487b7160e01b600052602260045260246000fd5b91607f1691611526565b81811061155c575050565b60008155600101611551565b600081815260208190526040902060020180546001600160a01b03938416931683146115c75780546001600160a01b0319168317905533907f52eaef52c95c66474cfcd71d08752da76df1ec80e5fd35a55c039ff376cb4ed1600080a4565b505050565b80548210156115e45760005260206000200190600090565b634e487b7160e01b600052603260045260246000fd5b6001600160a01b03821692909183156117e65782600052600060205260026040600020015460e01c918360005260056020526040808060002060009063ffffffff8716825260205220938560005260046020528160002063ffffffff600092168252602052209285600052806020526040600020548215159281151584146117dc57156117045750835493600160401b8510156112e4576116ec6020946116c88760017ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a799018555846115cc565b81546001600160a01b0393841660039290921b91821b9390911b1916919091179055565b54908660005283526040600020555b604051908152a3565b9092508354600019810190811161022d5761171f90856115cc565b905460039190911b1c6001600160a01b0316600019820182811161022d57816116c861174b92886115cc565b6001600160a01b031660009081526020849052604090205582549182156117c6577ff858483fef51310506532d5682ded0faa39f1251e1d933c444702e6cd7dd41a79360209360001901906117a082826115cc565b81549060018060a01b039060031b1b1916905555856000528252600060408120556116fb565b634e487b7160e01b600052603160045260246000fd5b5050505050505050565b63d92e233d60e01b60005260046000fd5b6000929181549161180783611517565b808352926001811690811561185d575060011461182357505050565b60009081526020812093945091925b838310611843575060209250010190565b600181602092949394548385870101520191019190611832565b915050602093945060ff929192191683830152151560051b010190565b90816000526000602052600360406000200160405161189d81610c4e81856117f7565b602081519101206118af3686856114b0565b60208151910120146119f6576001600160401b0384116112e4576118d38154611517565b601f81116119c4575b50836000601f8211600114611949579161192082600080516020611f3e83398151915295936119399560009161193e57508160011b916000199060031b1c19161790565b90555b60405191829160208352339660208401916114f6565b0390a3565b9050840135386111e8565b82815260208120915085601f198116825b8181106119a9575091600080516020611f3e83398151915295939161193995931061198f575b5050600186811b019055611923565b830135600019600389901b60f8161c191690553880611980565b8684013585556001909401936020938401938993500161195a565b6119f090826000526020600020601f870160051c810191602088106112da57601f0160051c0190611551565b386118dc565b50505050565b63ffffffff60019116019063ffffffff821161022d57565b989599949199979296939097611a2b368a8c6114b0565b602081519101209a611a3c8c611e59565b8b6000526000602052604060002098611a5c888a888a878a8a888a611d69565b60048b0181815414611b2a5755895464ffffffffff60c81b4360c890811b9190911664ffffffffff60c81b19831617909b5590991c64ffffffffff16986040519b8c9b60e08d5260e08d0190611ab1926114f6565b908b820360208d0152611ac3926114f6565b9160408a015288820360608a0152611ada926114f6565b908682036080880152611aec926114f6565b9084820360a0860152611afe926114f6565b9060c0830152037fc2b9ea76a1bd5191fc9845baac4ed9a1d2bbec420b2b4afa2f3c82f933c9bb1c91a2565b505050505050505050505050505050565b8060005260006020526040600020805460ff8160a01c1660048510156114795760048110156114795784146119f65760ff60a01b191660a084901b60ff60a01b1617905560405191611b8e90839061146c565b7fc08fe2f6af39dd3075756b7c2bed4959c4293127c815441919ad3ab178583a0560203393a3565b9081600052600060205260406000209061ffff811680158015611c6e575b611c485761ffff835460a81c16146115c757815461ffff60a81b191660a882901b61ffff60a81b1617918290556040805161ffff928316815260b89390931c90911660208301527fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959190819081015b0390a2565b9161ffff91505460b81c1691631b4cb8b360e31b60005260045260245260445260646000fd5b5061ffff835460b81c168111611bd4565b90816000526000602052604060002090815461ffff8160a81c169061ffff831691808310611d1a575060b81c61ffff16146115c757815461ffff60b81b191660b882901b61ffff60b81b161782557fb8f1dfbe4e8a323c5ceb8d9c68edb6ec544d2e1f39ec8284c73536b5c71175959161ffff905460a81c16611c436040519283928390929161ffff60209181604085019616845216910152565b8286639a75034160e01b60005260045260245260445260646000fd5b91604051916020830193845260018060a01b03166040830152606082015260608152611d6360808261148f565b51902090565b959197939694929097604051978897602089019a60a08c5260c08a0190611d8f926114f6565b916040890152601f19888303016060890152611daa926114f6565b90601f19868303016080870152611dc0926114f6565b90601f198483030160a0850152611dd6926114f6565b03601f1981018252611d63908261148f565b6001600160a01b031660008181526002602052604090208054600160401b8110156112e457611e218185936001611e38940181556115cc565b819391549060031b91821b91600019901b19161790565b90556000526002602052604060002054906000526003602052604060002055565b6000818152602081905260409020546001600160a01b031680156107f4573303611e805750565b63163a01a760e31b6000526004523360245260446000fd5b60018060a01b0316600052600260205260406000208160005260036020526040600020548154600019810190811161022d57611ed490836115cc565b90549060031b1c600019820182811161022d57611ef5611e218392866115cc565b90556000526003602052604060002055805480156117c6576000190190611f1c82826115cc565b8154906000199060031b1b191690555560005260036020526000604081205556fe3474bf31b42d73208b6b89cdf4d0e65ab4bb12ca0a0b38c389199660cdcac526a264697066735822122064d34c973e40bf5b3f57fcaeb3dcb7d5dd80b5d64c5cf25da4dc764ce24ca75764736f6c634300081e0033";

    private static String librariesLinkedBinary;

    public static final String FUNC_MAX_CLAIM_REASON_BYTES = "MAX_CLAIM_REASON_BYTES";

    public static final String FUNC_MAX_COMMITMENT_AGE = "MAX_COMMITMENT_AGE";

    public static final String FUNC_ACCEPTMANAGER = "acceptManager";

    public static final String FUNC_APPENDBACKUPLOG = "appendBackupLog";

    public static final String FUNC_COMMIT = "commit";

    public static final String FUNC_GETSERVICE = "getService";

    public static final String FUNC_GETSERVICELOCATION = "getServiceLocation";

    public static final String FUNC_ISOPERATOR = "isOperator";

    public static final String FUNC_ISREGISTERED = "isRegistered";

    public static final String FUNC_MAKECOMMITMENT = "makeCommitment";

    public static final String FUNC_OPERATORSOF = "operatorsOf";

    public static final String FUNC_REGISTER = "register";

    public static final String FUNC_RELEASE = "release";

    public static final String FUNC_SENDCLAIM = "sendClaim";

    public static final String FUNC_SERVICEIDOF = "serviceIdOf";

    public static final String FUNC_SERVICESOF = "servicesOf";

    public static final String FUNC_SETDETAILS = "setDetails";

    public static final String FUNC_SETMAXREPLICAS = "setMaxReplicas";

    public static final String FUNC_SETOPERATOR = "setOperator";

    public static final String FUNC_SETREPLICACOUNT = "setReplicaCount";

    public static final String FUNC_SETRUNSTATE = "setRunState";

    public static final String FUNC_TRANSFERMANAGER = "transferManager";

    public static final String FUNC_UPDATELOCATION = "updateLocation";

    public static final Event BACKUP_EVENT = new Event("Backup", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint64>(true) {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event CLAIM_EVENT = new Event("Claim", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event DETAILSCHANGED_EVENT = new Event("DetailsChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Bytes32>() {}, new TypeReference<Utf8String>() {}, new TypeReference<Utf8String>() {}, new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}));
    ;

    public static final Event MANAGERCHANGED_EVENT = new Event("ManagerChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event MANAGERTRANSFERSTARTED_EVENT = new Event("ManagerTransferStarted", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event NEWLOCATION_EVENT = new Event("NewLocation", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event OPERATORCHANGED_EVENT = new Event("OperatorChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Bool>() {}));
    ;

    public static final Event REPLICACOUNT_EVENT = new Event("ReplicaCount", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    public static final Event RUNSTATECHANGED_EVENT = new Event("RunStateChanged", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Uint8>() {}, new TypeReference<Address>(true) {}));
    ;

    public static final Event SERVICEREGISTERED_EVENT = new Event("ServiceRegistered", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Utf8String>() {}, new TypeReference<Address>(true) {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}));
    ;

    public static final Event SERVICERELEASED_EVENT = new Event("ServiceReleased", 
            Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>(true) {}, new TypeReference<Address>(true) {}));
    ;

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, credentials, contractGasProvider);
    }

    @Deprecated
    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        super(BINARY, contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    protected ServiceRegistry(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        super(BINARY, contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static List<BackupEventResponse> getBackupEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(BACKUP_EVENT, transactionReceipt);
        ArrayList<BackupEventResponse> responses = new ArrayList<BackupEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            BackupEventResponse typedResponse = new BackupEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
            typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static BackupEventResponse getBackupEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(BACKUP_EVENT, log);
        BackupEventResponse typedResponse = new BackupEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.sequence = (BigInteger) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(2).getValue();
        typedResponse.record = (byte[]) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<BackupEventResponse> backupEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getBackupEventFromLog(log));
    }

    public Flowable<BackupEventResponse> backupEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(BACKUP_EVENT));
        return backupEventFlowable(filter);
    }

    public static List<ClaimEventResponse> getClaimEvents(TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(CLAIM_EVENT, transactionReceipt);
        ArrayList<ClaimEventResponse> responses = new ArrayList<ClaimEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ClaimEventResponse typedResponse = new ClaimEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ClaimEventResponse getClaimEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(CLAIM_EVENT, log);
        ClaimEventResponse typedResponse = new ClaimEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.claimant = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.reason = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getClaimEventFromLog(log));
    }

    public Flowable<ClaimEventResponse> claimEventFlowable(DefaultBlockParameter startBlock,
            DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(CLAIM_EVENT));
        return claimEventFlowable(filter);
    }

    public static List<DetailsChangedEventResponse> getDetailsChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, transactionReceipt);
        ArrayList<DetailsChangedEventResponse> responses = new ArrayList<DetailsChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
            typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
            typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
            typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
            typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static DetailsChangedEventResponse getDetailsChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(DETAILSCHANGED_EVENT, log);
        DetailsChangedEventResponse typedResponse = new DetailsChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.description = (String) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.contextHash = (byte[]) eventValues.getNonIndexedValues().get(2).getValue();
        typedResponse.contextPointer = (String) eventValues.getNonIndexedValues().get(3).getValue();
        typedResponse.imageLocation = (String) eventValues.getNonIndexedValues().get(4).getValue();
        typedResponse.imageCredentials = (byte[]) eventValues.getNonIndexedValues().get(5).getValue();
        typedResponse.previousChange = (BigInteger) eventValues.getNonIndexedValues().get(6).getValue();
        return typedResponse;
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getDetailsChangedEventFromLog(log));
    }

    public Flowable<DetailsChangedEventResponse> detailsChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(DETAILSCHANGED_EVENT));
        return detailsChangedEventFlowable(filter);
    }

    public static List<ManagerChangedEventResponse> getManagerChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, transactionReceipt);
        ArrayList<ManagerChangedEventResponse> responses = new ArrayList<ManagerChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerChangedEventResponse getManagerChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERCHANGED_EVENT, log);
        ManagerChangedEventResponse typedResponse = new ManagerChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.previousManager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.newManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerChangedEventFromLog(log));
    }

    public Flowable<ManagerChangedEventResponse> managerChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERCHANGED_EVENT));
        return managerChangedEventFlowable(filter);
    }

    public static List<ManagerTransferStartedEventResponse> getManagerTransferStartedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, transactionReceipt);
        ArrayList<ManagerTransferStartedEventResponse> responses = new ArrayList<ManagerTransferStartedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ManagerTransferStartedEventResponse getManagerTransferStartedEventFromLog(
            Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(MANAGERTRANSFERSTARTED_EVENT, log);
        ManagerTransferStartedEventResponse typedResponse = new ManagerTransferStartedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.pendingManager = (String) eventValues.getIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getManagerTransferStartedEventFromLog(log));
    }

    public Flowable<ManagerTransferStartedEventResponse> managerTransferStartedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(MANAGERTRANSFERSTARTED_EVENT));
        return managerTransferStartedEventFlowable(filter);
    }

    public static List<NewLocationEventResponse> getNewLocationEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, transactionReceipt);
        ArrayList<NewLocationEventResponse> responses = new ArrayList<NewLocationEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            NewLocationEventResponse typedResponse = new NewLocationEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static NewLocationEventResponse getNewLocationEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(NEWLOCATION_EVENT, log);
        NewLocationEventResponse typedResponse = new NewLocationEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.location = (String) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getNewLocationEventFromLog(log));
    }

    public Flowable<NewLocationEventResponse> newLocationEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(NEWLOCATION_EVENT));
        return newLocationEventFlowable(filter);
    }

    public static List<OperatorChangedEventResponse> getOperatorChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, transactionReceipt);
        ArrayList<OperatorChangedEventResponse> responses = new ArrayList<OperatorChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static OperatorChangedEventResponse getOperatorChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(OPERATORCHANGED_EVENT, log);
        OperatorChangedEventResponse typedResponse = new OperatorChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.operator = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.approved = (Boolean) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getOperatorChangedEventFromLog(log));
    }

    public Flowable<OperatorChangedEventResponse> operatorChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(OPERATORCHANGED_EVENT));
        return operatorChangedEventFlowable(filter);
    }

    public static List<ReplicaCountEventResponse> getReplicaCountEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, transactionReceipt);
        ArrayList<ReplicaCountEventResponse> responses = new ArrayList<ReplicaCountEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ReplicaCountEventResponse getReplicaCountEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(REPLICACOUNT_EVENT, log);
        ReplicaCountEventResponse typedResponse = new ReplicaCountEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getReplicaCountEventFromLog(log));
    }

    public Flowable<ReplicaCountEventResponse> replicaCountEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(REPLICACOUNT_EVENT));
        return replicaCountEventFlowable(filter);
    }

    public static List<RunStateChangedEventResponse> getRunStateChangedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, transactionReceipt);
        ArrayList<RunStateChangedEventResponse> responses = new ArrayList<RunStateChangedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static RunStateChangedEventResponse getRunStateChangedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(RUNSTATECHANGED_EVENT, log);
        RunStateChangedEventResponse typedResponse = new RunStateChangedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.by = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.state = (BigInteger) eventValues.getNonIndexedValues().get(0).getValue();
        return typedResponse;
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getRunStateChangedEventFromLog(log));
    }

    public Flowable<RunStateChangedEventResponse> runStateChangedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(RUNSTATECHANGED_EVENT));
        return runStateChangedEventFlowable(filter);
    }

    public static List<ServiceRegisteredEventResponse> getServiceRegisteredEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, transactionReceipt);
        ArrayList<ServiceRegisteredEventResponse> responses = new ArrayList<ServiceRegisteredEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
            typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
            typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
            typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ServiceRegisteredEventResponse getServiceRegisteredEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(SERVICEREGISTERED_EVENT, log);
        ServiceRegisteredEventResponse typedResponse = new ServiceRegisteredEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.deployer = (String) eventValues.getIndexedValues().get(1).getValue();
        typedResponse.name = (String) eventValues.getNonIndexedValues().get(0).getValue();
        typedResponse.replicaCount = (BigInteger) eventValues.getNonIndexedValues().get(1).getValue();
        typedResponse.maxReplicas = (BigInteger) eventValues.getNonIndexedValues().get(2).getValue();
        return typedResponse;
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getServiceRegisteredEventFromLog(log));
    }

    public Flowable<ServiceRegisteredEventResponse> serviceRegisteredEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(SERVICEREGISTERED_EVENT));
        return serviceRegisteredEventFlowable(filter);
    }

    public static List<ServiceReleasedEventResponse> getServiceReleasedEvents(
            TransactionReceipt transactionReceipt) {
        List<Contract.EventValuesWithLog> valueList = staticExtractEventParametersWithLog(SERVICERELEASED_EVENT, transactionReceipt);
        ArrayList<ServiceReleasedEventResponse> responses = new ArrayList<ServiceReleasedEventResponse>(valueList.size());
        for (Contract.EventValuesWithLog eventValues : valueList) {
            ServiceReleasedEventResponse typedResponse = new ServiceReleasedEventResponse();
            typedResponse.log = eventValues.getLog();
            typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
            typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
            responses.add(typedResponse);
        }
        return responses;
    }

    public static ServiceReleasedEventResponse getServiceReleasedEventFromLog(Log log) {
        Contract.EventValuesWithLog eventValues = staticExtractEventParametersWithLog(SERVICERELEASED_EVENT, log);
        ServiceReleasedEventResponse typedResponse = new ServiceReleasedEventResponse();
        typedResponse.log = log;
        typedResponse.id = (byte[]) eventValues.getIndexedValues().get(0).getValue();
        typedResponse.manager = (String) eventValues.getIndexedValues().get(1).getValue();
        return typedResponse;
    }

    public Flowable<ServiceReleasedEventResponse> serviceReleasedEventFlowable(EthFilter filter) {
        return web3j.ethLogFlowable(filter).map(log -> getServiceReleasedEventFromLog(log));
    }

    public Flowable<ServiceReleasedEventResponse> serviceReleasedEventFlowable(
            DefaultBlockParameter startBlock, DefaultBlockParameter endBlock) {
        EthFilter filter = new EthFilter(startBlock, endBlock, getContractAddress());
        filter.addSingleTopic(EventEncoder.encode(SERVICERELEASED_EVENT));
        return serviceReleasedEventFlowable(filter);
    }

    public RemoteFunctionCall<BigInteger> MAX_CLAIM_REASON_BYTES() {
        final Function function = new Function(FUNC_MAX_CLAIM_REASON_BYTES, 
                Arrays.<Type>asList(), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
        return executeRemoteCallSingleValueReturn(function, BigInteger.class);
    }

    public RemoteFunctionCall<BigInteger> MAX_COMMITMENT_AGE() {
        final Function function = new Function(FUNC_MAX_COMMITMENT_AGE, 
                Arrays.<Type>asList(), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Uint256>() {}));
        return executeRemoteCallSingleValueReturn(function, BigInteger.class);
    }

    public RemoteFunctionCall<TransactionReceipt> acceptManager(byte[] id) {
        final Function function = new Function(
                FUNC_ACCEPTMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> appendBackupLog(byte[] id, byte[] record) {
        final Function function = new Function(
                FUNC_APPENDBACKUPLOG, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.DynamicBytes(record)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> commit(byte[] commitment) {
        final Function function = new Function(
                FUNC_COMMIT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(commitment)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>> getService(
            byte[] id) {
        final Function function = new Function(FUNC_GETSERVICE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Address>() {}, new TypeReference<Uint8>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint64>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Utf8String>() {}));
        return new RemoteFunctionCall<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>(function,
                new Callable<Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>>() {
                    @Override
                    public Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String> call(
                            ) throws Exception {
                        List<Type> results = executeCallMultipleValueReturn(function);
                        return new Tuple11<String, String, String, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, BigInteger, String>(
                                (String) results.get(0).getValue(), 
                                (String) results.get(1).getValue(), 
                                (String) results.get(2).getValue(), 
                                (BigInteger) results.get(3).getValue(), 
                                (BigInteger) results.get(4).getValue(), 
                                (BigInteger) results.get(5).getValue(), 
                                (BigInteger) results.get(6).getValue(), 
                                (BigInteger) results.get(7).getValue(), 
                                (BigInteger) results.get(8).getValue(), 
                                (BigInteger) results.get(9).getValue(), 
                                (String) results.get(10).getValue());
                    }
                });
    }

    public RemoteFunctionCall<String> getServiceLocation(byte[] id) {
        final Function function = new Function(FUNC_GETSERVICELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Utf8String>() {}));
        return executeRemoteCallSingleValueReturn(function, String.class);
    }

    public RemoteFunctionCall<Boolean> isOperator(byte[] id, String account) {
        final Function function = new Function(FUNC_ISOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, account)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<Boolean> isRegistered(byte[] id) {
        final Function function = new Function(FUNC_ISREGISTERED, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bool>() {}));
        return executeRemoteCallSingleValueReturn(function, Boolean.class);
    }

    public RemoteFunctionCall<byte[]> makeCommitment(String name, String owner, byte[] secret) {
        final Function function = new Function(FUNC_MAKECOMMITMENT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Address(160, owner), 
                new org.web3j.abi.datatypes.generated.Bytes32(secret)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}));
        return executeRemoteCallSingleValueReturn(function, byte[].class);
    }

    public RemoteFunctionCall<List> operatorsOf(byte[] id) {
        final Function function = new Function(FUNC_OPERATORSOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Address>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> register(String name, String description,
            String location, BigInteger replicaCount, BigInteger maxReplicas, byte[] contextHash,
            String contextPointer, String imageLocation, byte[] imageCredentials, byte[] secret) {
        final Function function = new Function(
                FUNC_REGISTER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.Utf8String(location), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials), 
                new org.web3j.abi.datatypes.generated.Bytes32(secret)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> release(byte[] id) {
        final Function function = new Function(
                FUNC_RELEASE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> sendClaim(byte[] id, String reason) {
        final Function function = new Function(
                FUNC_SENDCLAIM, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(reason)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<byte[]> serviceIdOf(String name) {
        final Function function = new Function(FUNC_SERVICEIDOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<Bytes32>() {}));
        return executeRemoteCallSingleValueReturn(function, byte[].class);
    }

    public RemoteFunctionCall<List> servicesOf(String manager) {
        final Function function = new Function(FUNC_SERVICESOF, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Address(160, manager)), 
                Arrays.<TypeReference<?>>asList(new TypeReference<DynamicArray<Bytes32>>() {}));
        return new RemoteFunctionCall<List>(function,
                new Callable<List>() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public List call() throws Exception {
                        List<Type> result = (List<Type>) executeCallSingleValueReturn(function, List.class);
                        return convertToNative(result);
                    }
                });
    }

    public RemoteFunctionCall<TransactionReceipt> setDetails(String name, String description,
            byte[] contextHash, String contextPointer, String imageLocation,
            byte[] imageCredentials) {
        final Function function = new Function(
                FUNC_SETDETAILS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.Utf8String(name), 
                new org.web3j.abi.datatypes.Utf8String(description), 
                new org.web3j.abi.datatypes.generated.Bytes32(contextHash), 
                new org.web3j.abi.datatypes.Utf8String(contextPointer), 
                new org.web3j.abi.datatypes.Utf8String(imageLocation), 
                new org.web3j.abi.datatypes.DynamicBytes(imageCredentials)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setMaxReplicas(byte[] id,
            BigInteger maxReplicas) {
        final Function function = new Function(
                FUNC_SETMAXREPLICAS, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(maxReplicas)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setOperator(byte[] id, String operator,
            Boolean approved) {
        final Function function = new Function(
                FUNC_SETOPERATOR, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, operator), 
                new org.web3j.abi.datatypes.Bool(approved)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setReplicaCount(byte[] id,
            BigInteger replicaCount) {
        final Function function = new Function(
                FUNC_SETREPLICACOUNT, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint16(replicaCount)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> setRunState(byte[] id, BigInteger state) {
        final Function function = new Function(
                FUNC_SETRUNSTATE, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.generated.Uint8(state)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> transferManager(byte[] id, String newManager) {
        final Function function = new Function(
                FUNC_TRANSFERMANAGER, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Address(160, newManager)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    public RemoteFunctionCall<TransactionReceipt> updateLocation(byte[] id, String location) {
        final Function function = new Function(
                FUNC_UPDATELOCATION, 
                Arrays.<Type>asList(new org.web3j.abi.datatypes.generated.Bytes32(id), 
                new org.web3j.abi.datatypes.Utf8String(location)), 
                Collections.<TypeReference<?>>emptyList());
        return executeRemoteCallTransaction(function);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, credentials, gasPrice, gasLimit);
    }

    @Deprecated
    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, gasPrice, gasLimit);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, credentials, contractGasProvider);
    }

    public static ServiceRegistry load(String contractAddress, Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return new ServiceRegistry(contractAddress, web3j, transactionManager, contractGasProvider);
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j, Credentials credentials,
            BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, credentials, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, ContractGasProvider contractGasProvider) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, contractGasProvider, getDeploymentBinary(), "");
    }

    @Deprecated
    public static RemoteCall<ServiceRegistry> deploy(Web3j web3j,
            TransactionManager transactionManager, BigInteger gasPrice, BigInteger gasLimit) {
        return deployRemoteCall(ServiceRegistry.class, web3j, transactionManager, gasPrice, gasLimit, getDeploymentBinary(), "");
    }

    public static void linkLibraries(List<Contract.LinkReference> references) {
        librariesLinkedBinary = linkBinaryWithReferences(BINARY, references);
    }

    private static String getDeploymentBinary() {
        if (librariesLinkedBinary != null) {
            return librariesLinkedBinary;
        } else {
            return BINARY;
        }
    }

    public static class BackupEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger sequence;

        public String by;

        public byte[] record;

        public BigInteger previousChange;
    }

    public static class ClaimEventResponse extends BaseEventResponse {
        public byte[] id;

        public String claimant;

        public String reason;

        public BigInteger previousChange;
    }

    public static class DetailsChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String name;

        public String description;

        public byte[] contextHash;

        public String contextPointer;

        public String imageLocation;

        public byte[] imageCredentials;

        public BigInteger previousChange;
    }

    public static class ManagerChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String previousManager;

        public String newManager;
    }

    public static class ManagerTransferStartedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String manager;

        public String pendingManager;
    }

    public static class NewLocationEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public String location;
    }

    public static class OperatorChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String operator;

        public Boolean approved;
    }

    public static class ReplicaCountEventResponse extends BaseEventResponse {
        public byte[] id;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }

    public static class RunStateChangedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String by;

        public BigInteger state;
    }

    public static class ServiceRegisteredEventResponse extends BaseEventResponse {
        public byte[] id;

        public String deployer;

        public String name;

        public BigInteger replicaCount;

        public BigInteger maxReplicas;
    }

    public static class ServiceReleasedEventResponse extends BaseEventResponse {
        public byte[] id;

        public String manager;
    }
}
